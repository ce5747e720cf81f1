package jp.ebpm.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.api.java.UDF2;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.gis.overlay.PointLocator;

/**
 * Point in polygon inside the job, without a shuffle: the polygons travel to every executor (as WKB in the task,
 * a few hundred kilobytes for wards or small areas) and each executor builds the desktop's {@link PointLocator}
 * once (cached per JVM). The answer is the index of the area key, by the desktop's rule: among the polygons
 * covering the point (edges included), the first in the given order; callers order polygons by key, so a point on a
 * shared edge goes to the lowest key, exactly as {@code AreaAssigner} and the overlay do. Points covered by no
 * polygon get NULL.
 */
final class LocateUdf implements UDF2<Double, Double, Integer> {

    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, PointLocator> LOCATORS = new ConcurrentHashMap<>();

    private final String id;
    private final List<byte[]> wkb;
    private final int[] keyIndex;
    private final int fromEpsg;
    private final int toEpsg;
    private transient PointLocator locator;
    private transient Reprojector reprojector;

    /**
     * @param id       identifies the polygon set (cache key in the executor)
     * @param polygons the polygons in priority order
     * @param keyIndex per polygon, the index of its key (the UDF's result)
     */
    LocateUdf(String id, List<Geometry> polygons, int[] keyIndex) {
        this(id, polygons, keyIndex, 0, 0);
    }

    /**
     * As above, with points given in {@code fromEpsg} transformed to the polygons' {@code toEpsg} first (0, 0: none),
     * as the desktop overlay does.
     */
    LocateUdf(String id, List<Geometry> polygons, int[] keyIndex, int fromEpsg, int toEpsg) {
        this.fromEpsg = fromEpsg;
        this.toEpsg = toEpsg;
        WKBWriter w = new WKBWriter();
        this.wkb = new ArrayList<>(polygons.size());
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Geometry g : polygons) {
            byte[] b = w.write(g);
            wkb.add(b);
            md.update(b);
        }
        for (int k : keyIndex) {
            md.update((byte) (k >>> 24));
            md.update((byte) (k >>> 16));
            md.update((byte) (k >>> 8));
            md.update((byte) k);
        }
        this.id = id + ":" + java.util.HexFormat.of().formatHex(md.digest());
        this.keyIndex = keyIndex.clone();
    }

    private PointLocator locator() {
        if (locator == null) {
            locator = LOCATORS.computeIfAbsent(id, k -> {
                WKBReader r = new WKBReader();
                List<Geometry> gs = new ArrayList<>(wkb.size());
                for (byte[] b : wkb) {
                    try {
                        gs.add(r.read(b));
                    } catch (ParseException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return new PointLocator(gs);
            });
        }
        return locator;
    }

    @Override
    public Integer call(Double x, Double y) {
        if (x == null || y == null) {
            return null;
        }
        double px = x;
        double py = y;
        if (fromEpsg != toEpsg) {
            if (Double.isNaN(px) || Double.isNaN(py)) {
                return null;
            }
            if (reprojector == null) {
                reprojector = new Reprojector(fromEpsg, toEpsg);
            }
            double[] p = reprojector.transform(px, py);
            px = p[0];
            py = p[1];
        }
        int i = locator().locate(px, py);
        return i < 0 ? null : keyIndex[i];
    }
}
