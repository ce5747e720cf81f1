package jp.ebpm.analysis.privacy.location;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.Catalog;

/**
 * The area layers of released tables, kept so that later releases can be checked against them even after the
 * project's layer was changed or removed: a layer is identified by the SHA-256 of its areas (key and WKB
 * geometry, in key order) and stored once as {@code privacy.linked.layer.<sha>} (JSON: key, label, Base64 WKB per
 * area) in the project settings, next to the record of releases.
 */
final class LinkedLayers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "privacy.linked.layer.";

    private LinkedLayers() {
    }

    /** The SHA-256 (hex) of a layer's keys and geometries. */
    static String sha(AreaLayer layer) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            WKBWriter w = new WKBWriter(2);
            for (AreaLayer.Area a : layer.areas()) {
                byte[] key = a.key().getBytes(StandardCharsets.UTF_8);
                byte[] wkb = w.write(a.geometry());
                md.update(intBytes(key.length));
                md.update(key);
                md.update(intBytes(wkb.length));
                md.update(wkb);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** The SHA-256 of a layer, remembering the layer for this session (so its area assignment is reused). */
    static String sha(UnlockedVault vault, AreaLayer layer) {
        String sha = sha(layer);
        vault.sessionCache().putIfAbsent(PREFIX + sha, layer);
        return sha;
    }

    /** Stores a released layer once. */
    static void store(UnlockedVault vault, AreaLayer layer, String sha) {
        Catalog catalog = vault.project().catalog();
        if (catalog.setting(PREFIX + sha).isPresent()) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode areas = root.putArray("areas");
        WKBWriter w = new WKBWriter(2);
        for (AreaLayer.Area a : layer.areas()) {
            areas.addArray().add(a.key()).add(a.label()).add(Base64.getEncoder().encodeToString(w.write(a.geometry())));
        }
        try {
            catalog.putSetting(PREFIX + sha, JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("Cannot store the area layer of a release.", e);
        }
    }

    /** The layer of a SHA-256: the one used in this session, or the stored copy. */
    static AreaLayer load(UnlockedVault vault, String sha) {
        Object cached = vault.sessionCache().get(PREFIX + sha);
        if (cached instanceof AreaLayer l) {
            return l;
        }
        String json = vault.project().catalog().setting(PREFIX + sha).orElseThrow(() -> new WorkbenchException(
                "The area layer of an earlier release is missing from the project settings; the tables already released"
                        + " cannot be checked, so nothing more is released."));
        List<AreaLayer.Area> areas = new ArrayList<>();
        WKBReader r = new WKBReader(new GeometryFactory());
        try {
            for (JsonNode a : JSON.readTree(json).path("areas")) {
                areas.add(new AreaLayer.Area(a.get(0).asText(), a.get(1).isNull() ? null : a.get(1).asText(), r.read(Base64.getDecoder().decode(a.get(2).asText()))));
            }
        } catch (JsonProcessingException | ParseException | IllegalArgumentException e) {
            throw new WorkbenchException("The stored area layer of an earlier release is damaged.", e);
        }
        AreaLayer layer = new AreaLayer("linked:" + sha, areas, false);
        if (!sha(layer).equals(sha)) {
            throw new WorkbenchException("The stored area layer of an earlier release does not match its fingerprint.");
        }
        vault.sessionCache().put(PREFIX + sha, layer);
        return layer;
    }
}
