package jp.ebpm.analysis.privacy.location;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.overlay.PointLocator;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.CancellableSql;
import jp.ebpm.analysis.store.PointFunctions;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;

/**
 * Assigns each ping to the area (polygon) containing it, without a spatial extension, in one pass of DuckDB over the
 * pings: DuckDB hands the coordinates to Java in column batches ({@link PointFunctions}), where the
 * {@link PointLocator} (a grid of inside/outside/boundary cells with exact tests in boundary cells) finds the area;
 * DuckDB stores the result. A ping on an edge shared by two areas goes to the area with the smallest key (the areas
 * are ordered by key); pings outside every area, or without coordinates, get area NULL and are left out of area
 * outputs. The result, an in-memory table {@code (pid, ts, area)} with {@code area} an ENUM of the layer's keys, is
 * cached for the vault session.
 */
public final class AreaAssigner {

    private AreaAssigner() {
    }

    /** The in-memory table (pid BIGINT, ts TIMESTAMP, area ENUM) of a pings dataset in a layer. */
    public static String assign(UnlockedVault vault, String dataset, AreaLayer layer, Cancellation cancel) {
        String key = "assign|" + dataset + "|" + layer.id();
        Object cached = vault.sessionCache().get(key);
        if (cached instanceof String s) {
            return s;
        }
        vault.load(dataset, cancel);
        String suffix = Long.toHexString(System.nanoTime());
        String out = "_assign_" + suffix;
        String enumType = "_area_enum_" + suffix;
        Map<String, Integer> keyIndex = new LinkedHashMap<>();
        List<Geometry> polygons = new ArrayList<>();
        int[] areaKey = new int[layer.areas().size()];
        for (int i = 0; i < areaKey.length; i++) {
            AreaLayer.Area a = layer.areas().get(i);
            polygons.add(a.geometry());
            areaKey[i] = keyIndex.computeIfAbsent(a.key(), k -> keyIndex.size());
        }
        PointLocator locator = new PointLocator(polygons);
        PointFunctions.Kernel kernel = (lon, lat, n, result) -> {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            for (int i = 0; i < n; i++) {
                int p = Double.isNaN(lon[i]) || Double.isNaN(lat[i]) ? -1 : locator.locate(lon[i], lat[i]);
                result[i] = p < 0 ? PointFunctions.NULL : areaKey[p];
            }
        };
        StringBuilder keys = new StringBuilder();
        for (String k : keyIndex.keySet()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(Sql.literal(k));
        }
        try (Connection c = vault.memory().connect(); Statement st = c.createStatement();
             PointFunctions.Registration reg = PointFunctions.register(c, kernel)) {
            try {
                // area as an ENUM of the layer's keys: one byte per row, fast to group and compare
                st.execute("CREATE TYPE " + enumType + " AS ENUM (" + keys + ")");
                CancellableSql.execute(st, "CREATE TABLE " + out + " AS SELECT pid, ts, CAST(list_extract([" + keys + "]::VARCHAR[], "
                        + reg.call("lon", "lat") + " + 1) AS " + enumType + ") AS area FROM " + Sql.ident(dataset), cancel);
            } catch (SQLException e) {
                if (cancel.isCancelled() || reg.failure() instanceof CancelledException) {
                    throw new CancelledException();
                }
                throw new WorkbenchException("Assigning pings to areas failed: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Assigning pings to areas failed: " + e.getMessage(), e);
        }
        vault.sessionCache().put(key, out);
        return out;
    }
}
