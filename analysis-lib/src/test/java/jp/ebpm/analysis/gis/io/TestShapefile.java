package jp.ebpm.analysis.gis.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds shapefile bytes by hand, to the ESRI Shapefile Technical Description (1998), for tests only.
 * Shapes are given as rings/parts of x,y pairs; {@code type} is the shape type written.
 */
final class TestShapefile {

    private final int type;
    private final List<double[][]> shapes = new ArrayList<>();
    private final List<String[]> records = new ArrayList<>();
    private final String[] fieldNames;
    private final int[] fieldLengths;

    TestShapefile(int type, String[] fieldNames, int[] fieldLengths) {
        this.type = type;
        this.fieldNames = fieldNames;
        this.fieldLengths = fieldLengths;
    }

    /** Adds a shape: each array is one part as x0,y0,x1,y1,...; null for a Null shape. */
    TestShapefile add(String[] values, double[]... parts) {
        shapes.add(parts.length == 0 ? null : parts);
        records.add(values);
        return this;
    }

    byte[] shp() {
        ByteArrayOutputStream recs = new ByteArrayOutputStream();
        int n = 1;
        for (double[][] parts : shapes) {
            byte[] content = content(parts);
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            h.putInt(n++).putInt(content.length / 2);
            recs.writeBytes(h.array());
            recs.writeBytes(content);
        }
        ByteBuffer head = ByteBuffer.allocate(100);
        head.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (100 + recs.size()) / 2);
        head.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(recs.toByteArray());
        return out.toByteArray();
    }

    private byte[] content(double[][] parts) {
        if (parts == null) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
        }
        if (type == 1) {
            return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(parts[0][0]).putDouble(parts[0][1]).array();
        }
        int np = 0;
        for (double[] p : parts) {
            np += p.length / 2;
        }
        boolean z = type == 15 || type == 13;
        int size = 44 + 4 * parts.length + 16 * np + (z ? 16 + 8 * np + 16 + 8 * np : 0);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type);
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        b.putInt(parts.length).putInt(np);
        int start = 0;
        for (double[] p : parts) {
            b.putInt(start);
            start += p.length / 2;
        }
        for (double[] p : parts) {
            for (double v : p) {
                b.putDouble(v);
            }
        }
        if (z) {
            for (int i = 0; i < 2 * (2 + np); i++) {
                b.putDouble(7.5);
            }
        }
        return b.array();
    }

    /** The .dbf with all fields as C (text) of the given lengths, text in {@code cs}; {@code ldid} the language driver byte. */
    byte[] dbf(Charset cs, int ldid) {
        int recLen = 1;
        for (int l : fieldLengths) {
            recLen += l;
        }
        int headerLen = 32 + 32 * fieldNames.length + 1;
        ByteBuffer b = ByteBuffer.allocate(headerLen + recLen * records.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 3).putInt(4, records.size()).putShort(8, (short) headerLen).putShort(10, (short) recLen);
        b.put(29, (byte) ldid);
        for (int f = 0; f < fieldNames.length; f++) {
            byte[] nm = fieldNames[f].getBytes(cs);
            int p = 32 + 32 * f;
            for (int i = 0; i < Math.min(10, nm.length); i++) {
                b.put(p + i, nm[i]);
            }
            b.put(p + 11, (byte) (fieldNames[f].startsWith("N") ? 'N' : 'C'));
            b.put(p + 16, (byte) fieldLengths[f]);
        }
        b.put(headerLen - 1, (byte) 0x0D);
        int p = headerLen;
        for (String[] r : records) {
            b.put(p, (byte) ' ');
            int q = p + 1;
            for (int f = 0; f < fieldNames.length; f++) {
                byte[] v = r[f].getBytes(cs);
                for (int i = 0; i < fieldLengths[f]; i++) {
                    b.put(q + i, i < v.length ? v[i] : (byte) ' ');
                }
                q += fieldLengths[f];
            }
            p += recLen;
        }
        b.put(p, (byte) 0x1A);
        return b.array();
    }
}
