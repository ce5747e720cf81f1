package jp.ebpm.analysis.gis.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import jp.ebpm.analysis.WorkbenchException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the geometries of a {@code .shp} main file, following the ESRI Shapefile Technical Description
 * (July 1998): a 100-byte header (file code 9994 big-endian, version 1000 little-endian), then records with a
 * big-endian header and little-endian content. Shape types: Null (0), Point (1), PolyLine (3), Polygon (5),
 * MultiPoint (8) and their Z (11, 13, 15, 18) and M (21, 23, 25, 28) variants, read as 2D (Z and M dropped).
 * MultiPatch (31) is rejected.
 *
 * <p>Polygon rings: clockwise rings are outer rings and counter-clockwise rings are holes (the specification's
 * rule); each hole is put in the smallest outer ring that contains it. A counter-clockwise ring that lies in no outer
 * ring (a file written with the wrong orientation) becomes an outer ring itself.
 *
 * @since 0.1
 */
public final class ShpGeometryReader {

    private ShpGeometryReader() {
    }

    /** The geometries in record order ({@code null} for Null shapes). */
    public static List<Geometry> read(byte[] shp, String fileName, GeometryFactory f) {
        ByteBuffer bb = ByteBuffer.wrap(shp);
        if (shp.length < 100 || bb.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new WorkbenchException("This is not a shapefile main file (file code 9994 missing).", fileName, null, null, null);
        }
        List<Geometry> out = new ArrayList<>();
        int p = 100;
        while (p + 8 <= shp.length) {
            bb.order(ByteOrder.BIG_ENDIAN);
            int contentBytes = bb.getInt(p + 4) * 2;
            int start = p + 8;
            if (start + contentBytes > shp.length || contentBytes < 4) {
                throw new WorkbenchException("Shape record " + (out.size() + 1) + " is cut short.", fileName, (long) (out.size() + 1), null, null);
            }
            bb.order(ByteOrder.LITTLE_ENDIAN);
            out.add(shape(bb, start, f, fileName, out.size() + 1));
            p = start + contentBytes;
        }
        return out;
    }

    private static Geometry shape(ByteBuffer bb, int p, GeometryFactory f, String file, int rec) {
        int type = bb.getInt(p);
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21:
                return f.createPoint(new Coordinate(bb.getDouble(p + 4), bb.getDouble(p + 12)));
            case 8, 18, 28: {
                int n = bb.getInt(p + 36);
                Point[] pts = new Point[n];
                for (int i = 0; i < n; i++) {
                    pts[i] = f.createPoint(new Coordinate(bb.getDouble(p + 40 + 16 * i), bb.getDouble(p + 48 + 16 * i)));
                }
                return f.createMultiPoint(pts);
            }
            case 3, 13, 23, 5, 15, 25: {
                int parts = bb.getInt(p + 36);
                int n = bb.getInt(p + 40);
                int[] starts = new int[parts + 1];
                for (int i = 0; i < parts; i++) {
                    starts[i] = bb.getInt(p + 44 + 4 * i);
                }
                starts[parts] = n;
                int pts = p + 44 + 4 * parts;
                List<Coordinate[]> rings = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    Coordinate[] cs = new Coordinate[starts[i + 1] - starts[i]];
                    for (int j = 0; j < cs.length; j++) {
                        int q = pts + 16 * (starts[i] + j);
                        cs[j] = new Coordinate(bb.getDouble(q), bb.getDouble(q + 8));
                    }
                    rings.add(cs);
                }
                boolean polygon = type == 5 || type == 15 || type == 25;
                return polygon ? polygon(rings, f) : lines(rings, f);
            }
            default:
                throw new WorkbenchException("Shape type " + type + " (record " + rec + ") is not supported; use points, lines or polygons.",
                        file, (long) rec, null, null);
        }
    }

    private static Geometry lines(List<Coordinate[]> parts, GeometryFactory f) {
        LineString[] ls = new LineString[parts.size()];
        for (int i = 0; i < ls.length; i++) {
            Coordinate[] cs = parts.get(i);
            ls[i] = f.createLineString(cs.length == 1 ? new Coordinate[] {cs[0], cs[0]} : cs);
        }
        return ls.length == 1 ? ls[0] : f.createMultiLineString(ls);
    }

    private static Geometry polygon(List<Coordinate[]> rings, GeometryFactory f) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] cs : rings) {
            LinearRing r = f.createLinearRing(close(cs));
            if (cs.length >= 4 && Orientation.isCCW(r.getCoordinates())) {
                holes.add(r);
            } else {
                shells.add(r);
            }
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<IndexedPointInAreaLocator> locs = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            locs.add(new IndexedPointInAreaLocator(f.createPolygon(s)));
        }
        for (LinearRing h : holes) {
            int best = -1;
            double bestArea = Double.POSITIVE_INFINITY;
            Coordinate probe = h.getCoordinateN(0);
            for (int i = 0; i < shells.size(); i++) {
                if (shells.get(i).getEnvelopeInternal().covers(h.getEnvelopeInternal())
                        && locs.get(i).locate(probe) != Location.EXTERIOR) {
                    double a = shells.get(i).getEnvelopeInternal().getArea();
                    if (a < bestArea) {
                        bestArea = a;
                        best = i;
                    }
                }
            }
            if (best < 0) {
                shells.add(h);
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(best).add(h);
            }
        }
        Polygon[] ps = new Polygon[shells.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = f.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        return ps.length == 1 ? ps[0] : f.createMultiPolygon(ps);
    }

    private static Coordinate[] close(Coordinate[] cs) {
        if (cs.length == 0) {
            return cs;
        }
        Coordinate[] c = cs;
        if (!c[0].equals2D(c[c.length - 1])) {
            c = java.util.Arrays.copyOf(c, c.length + 1);
            c[c.length - 1] = c[0].copy();
        }
        while (c.length < 4) {
            c = java.util.Arrays.copyOf(c, c.length + 1);
            c[c.length - 1] = c[0].copy();
        }
        return c;
    }
}
