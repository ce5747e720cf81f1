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
        // The legend sits in the lower right quarter: that region is not blank.
        int nonWhite = 0;
        for (int y = img.getHeight() / 2; y < img.getHeight(); y++) {
            for (int x = img.getWidth() * 3 / 4; x < img.getWidth(); x++) {
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
}
