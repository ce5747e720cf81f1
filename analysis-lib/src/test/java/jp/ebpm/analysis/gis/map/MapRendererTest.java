package jp.ebpm.analysis.gis.map;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.io.GeoJsonReader;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

class MapRendererTest {

    private static VectorData wards() throws Exception {
        try (InputStream in = MapRendererTest.class.getResourceAsStream("/jp/ebpm/analysis/gis/overlay/kawasaki-wards-n03-2021-simplified.geojson")) {
            return GeoJsonReader.read(in, "wards.geojson", new GeometryFactory());
        }
    }

    @Test
    void choroplethPngHasLegendAndUsesEveryClassColour() throws Exception {
        ChoroplethOptions o = new ChoroplethOptions("N03_007", 3, ClassMethod.QUANTILE, null, ColorRamp.VIRIDIS, null, false, 1,
                "N03_004", "テスト", "出典：国土数値情報", 0);
        MapSpec spec = LayerMaps.choropleth(wards(), "wards", null, o);
        byte[] png = MapRenderer.renderPng(spec, 800, 600, 150);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        for (Color c : ColorRamp.VIRIDIS.colors(3)) {
            assertTrue(colours.contains(c.getRGB() & 0xffffff), "class colour " + Integer.toHexString(c.getRGB()) + " drawn");
        }
        // The legend sits in the panel right of the map frame: that region is not blank.
        java.awt.Rectangle frame = MapRenderer.layout(spec, 800, 600).frame();
        int nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = frame.x + frame.width + 2; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        assertTrue(nonWhite > 500, "legend drawn: " + nonWhite);
    }

    @Test
    void noDataIsHatchedAndSvgHasTheLegendText() throws Exception {
        VectorData w = wards();
        double[] values = {1, 2, Double.NaN, 4, 5, 6, 7};
        MapLayer layer = MapLayer.choropleth("wards", jp.ebpm.analysis.gis.overlay.PlaneZone.geometries(w, 6677), values, "rate",
                Classifier.classify(values, 2, ClassMethod.EQUAL, null), ColorRamp.BLUES, null);
        MapSpec spec = new MapSpec("t", "src", List.of(layer), null, true, true, true);
        String svg = MapRenderer.renderSvg(spec, 600, 400);
        assertTrue(svg.contains("no data"), "no-data legend entry");
        assertTrue(svg.contains("rate"));
        assertTrue(svg.contains("km"), "scale bar label");
    }

    @Test
    void legendNorthArrowScaleBarAndSourcesStayOutsideTheMapFrame() throws Exception {
        VectorData w = wards();
        ChoroplethOptions o = new ChoroplethOptions("N03_007", 5, ClassMethod.JENKS, null, ColorRamp.YL_OR_RD, null, false, 1, null, "t",
                "出典：国土数値情報（行政区域データ）; 出典：国土地理院「指定緊急避難場所データ」を加工して作成; a third source line that is long", 0);
        MapSpec spec = LayerMaps.choropleth(w, "wards", null, o);
        for (int[] size : new int[][] {{1200, 900}, {800, 600}, {640, 480}}) {
            MapRenderer.Layout lay = MapRenderer.layout(spec, size[0], size[1]);
            java.awt.Rectangle frame = lay.frame();
            assertTrue(lay.panelX() >= frame.x + frame.width, "legend panel right of the frame");
            assertTrue(lay.panelX() + lay.legend().width() <= size[0], "legend inside the image");
            assertTrue(lay.scaleY() > frame.y + frame.height, "scale bar below the frame");
            assertTrue(lay.sourceY() > frame.y + frame.height, "sources below the frame");
            assertTrue(lay.sourceLines().size() >= 1);
            // every polygon is drawn inside the frame
            Viewport vp = MapRenderer.viewport(spec, size[0], size[1]);
            org.locationtech.jts.geom.Envelope e = MapRenderer.extent(spec);
            java.awt.geom.Point2D lo = vp.toPixel(e.getMinX(), e.getMinY());
            java.awt.geom.Point2D hi = vp.toPixel(e.getMaxX(), e.getMaxY());
            assertTrue(lo.getX() >= frame.x - 1 && hi.getX() <= frame.x + frame.width + 1, "data within the frame width");
            assertTrue(hi.getY() >= frame.y - 1 && lo.getY() <= frame.y + frame.height + 1, "data within the frame height");
        }
    }

    @Test
    void defaultValueIsNeverAKeyAndLabelsAreNames() throws Exception {
        VectorData w = wards();
        // the wards have only fid and code fields: no value to colour by, names as labels
        org.junit.jupiter.api.Assertions.assertNull(MapComposer.defaultValueField(w));
        org.junit.jupiter.api.Assertions.assertEquals("N03_004", MapComposer.defaultLabelField(w));
        for (String key : List.of("fid", "N03_007", "mesh_code", "ward_code", "id", "共通ID", "key_code", "area_id")) {
            assertTrue(MapComposer.keyLike(key), key);
        }
        for (String value : List.of("population", "count", "人口", "population_share", "area_km2")) {
            assertTrue(!MapComposer.keyLike(value), value);
        }
    }
}
