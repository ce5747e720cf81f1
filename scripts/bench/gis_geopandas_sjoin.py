"""GeoPandas comparison for the GIS points-in-polygons benchmark (docs/benchmarks.md, "GIS (issue 4)").

Reads the polygons written by `workbench bench gis --dir DIR` (DIR/bench-polygons.geojson), draws N uniform
random points over the same extent (numpy, seed 7), and times `geopandas.sjoin(points, polygons, predicate="within")`
plus the per-polygon count. Prints points/s. Usage: python3 gis_geopandas_sjoin.py DIR [N] [RUNS]
"""
import sys
import time

import geopandas as gpd
import numpy as np

d = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
polys = gpd.read_file(f"{d}/bench-polygons.geojson")
rng = np.random.default_rng(7)
xs = 139.44 + rng.random(n) * 0.36
ys = 35.46 + rng.random(n) * 0.20
for run in range(runs):
    t0 = time.perf_counter()
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xs, ys), crs=polys.crs)
    t1 = time.perf_counter()
    joined = gpd.sjoin(pts, polys, predicate="within", how="inner")
    counts = joined.groupby("index_right").size()
    t2 = time.perf_counter()
    print(f"geopandas {gpd.__version__} run {run + 1}: {n} points x {len(polys)} polygons: build points {t1 - t0:.3f} s, "
          f"sjoin+count {t2 - t1:.3f} s = {n / (t2 - t1) / 1e6:.2f} M points/s (sum {int(counts.sum())})", flush=True)
