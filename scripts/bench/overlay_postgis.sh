#!/usr/bin/env bash
# PostGIS peer of the overlay benchmark (issue 10): points in polygons on the same files as scripts/bench/overlay.sh.
#
#   scripts/bench/overlay_postgis.sh DIR [RUNS]
#
# DIR holds points.csv (id, lat, lon; JGD2011 degrees) and polygons.geojson (key "id"), as written by
# `workbench bench overlay-data --dir DIR`. Needs PostgreSQL 15 + PostGIS 3 (Debian: apt-get install postgresql
# postgresql-15-postgis-3). A throw-away cluster is created in a temporary folder (unix socket only, no TCP), with
# settings a DBA would give a bulk load (shared_buffers 1GB, max_wal_size 4GB, maintenance_work_mem 512MB,
# work_mem 64MB), and removed afterwards. When run as root the server runs as the "postgres" user.
#
# Timed per run (wall clock, seconds):
#   load  = COPY the CSV into a table + build the point geometries (CREATE TABLE AS ST_MakePoint) + read the
#           GeoJSON polygons (ST_GeomFromGeoJSON) + GiST index on the polygons + ANALYZE
#   query = count per polygon id, every polygon listed: points JOIN polygons ON ST_Contains(polygon, point) (the
#           planner probes the polygons' GiST index once per point, in parallel workers), GROUP BY id
# Output: one line per run, then "postgis median: load L s, query Q s, total T s".
set -euo pipefail

DIR="$(cd "$1" && pwd)"
RUNS="${2:-1}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
TMP="$(mktemp -d /tmp/wb-postgis-XXXXXX)"
AS=()
if [ "$(id -u)" = 0 ]; then
  AS=(runuser -u postgres --)
  chown postgres "$TMP"
fi
chmod 755 "$TMP"
cp "$DIR/polygons.geojson" "$TMP/polygons.geojson"
chmod 644 "$TMP/polygons.geojson"

cleanup() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

"${AS[@]}" "$PGBIN/initdb" -D "$TMP/data" -A trust -U postgres --no-sync >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$TMP/data" -w -l "$TMP/server.log" \
  -o "-k $TMP -c listen_addresses='' -c shared_buffers=1GB -c max_wal_size=4GB -c maintenance_work_mem=512MB -c work_mem=64MB" \
  start >/dev/null
export PGOPTIONS="-c client_min_messages=warning"
PSQL=("${AS[@]}" "$PGBIN/psql" -h "$TMP" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -X -t -A)
"${PSQL[@]}" -c "CREATE EXTENSION postgis" >/dev/null
echo "postgis $("${PSQL[@]}" -c "SELECT postgis_lib_version()"), $("${PSQL[@]}" -c "SHOW server_version"), $(nproc) processors"

now() { date +%s.%N; }
loads=(); queries=()
for run in $(seq "$RUNS"); do
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS points_raw, points, polygons" >/dev/null
  t0=$(now)
  "${PSQL[@]}" -c "CREATE TABLE points_raw (id bigint, lat double precision, lon double precision)"
  "${PSQL[@]}" -c "\\copy points_raw FROM STDIN WITH (FORMAT csv, HEADER)" < "$DIR/points.csv"
  "${PSQL[@]}" -c "CREATE TABLE points AS SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 6668)::geometry(Point, 6668) AS geom FROM points_raw"
  "${PSQL[@]}" -c "CREATE TABLE polygons AS SELECT (f->'properties'->>'id')::bigint AS id,
      ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 6668) AS geom
      FROM jsonb_array_elements(pg_read_file('$TMP/polygons.geojson')::jsonb->'features') f"
  "${PSQL[@]}" -c "CREATE INDEX polygons_geom ON polygons USING gist (geom)"
  "${PSQL[@]}" -c "ANALYZE points; ANALYZE polygons"
  t1=$(now)
  counted=$("${PSQL[@]}" -c "SELECT sum(n) FROM (SELECT p.id, coalesce(c.n, 0) AS n FROM polygons p LEFT JOIN
      (SELECT pg.id, count(*) AS n FROM points pt JOIN polygons pg ON ST_Contains(pg.geom, pt.geom) GROUP BY pg.id) c
      USING (id)) t")
  t2=$(now)
  load=$(echo "$t1 - $t0" | bc -l); query=$(echo "$t2 - $t1" | bc -l)
  loads+=("$load"); queries+=("$query")
  printf 'postgis run %d: load %.2f s, query %.2f s, total %.2f s (points counted: %s)\n' "$run" "$load" "$query" \
    "$(echo "$load + $query" | bc -l)" "$counted"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ml=$(median "${loads[@]}"); mq=$(median "${queries[@]}")
printf 'postgis median: load %.2f s, query %.2f s, total %.2f s\n' "$ml" "$mq" "$(echo "$ml + $mq" | bc -l)"
