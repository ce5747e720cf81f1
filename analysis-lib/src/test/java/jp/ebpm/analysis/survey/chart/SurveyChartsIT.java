package jp.ebpm.analysis.survey.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.CsvTable;
import jp.ebpm.analysis.survey.sample.SurveySampleGenerator;
import jp.ebpm.analysis.task.Cancellation;

/** Charts of the sample survey render to non-blank PNGs of the asked size and to SVG. */
class SurveyChartsIT {

    private static long nonWhite(BufferedImage img) {
        long k = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    k++;
                }
            }
        }
        return k;
    }

    @Test
    void drawsStackedGroupedAndPyramid(@TempDir Path dir) throws Exception {
        SurveySampleGenerator.writeTo(dir.resolve("s"));
        CrossTab t;
        try (Project p = Project.create(dir.resolve("p"))) {
            try (Connection c = p.connect()) {
                CsvTable.load(c, dir.resolve("s/respondents.csv"), StandardCharsets.UTF_8, "s");
            }
            t = CrossTabEngine.run(p, CrossTabSpec.of("s", "q4a", "age_group")
                    .withCodebook(CodebookIo.read(dir.resolve("s/codebook.csv"))), null, Cancellation.none()).overall();
        }
        SurveyCharts.writePng(SurveyCharts.stackedPercent(t, "生活が便利になる × 年代"), dir.resolve("a.png"), 640, 400);
        SurveyCharts.writePng(SurveyCharts.grouped(t, "生活が便利になる"), dir.resolve("b.png"), 640, 400);
        // published age × sex counts (kawasaki plan) as the pyramid
        SurveyCharts.writePng(SurveyCharts.pyramid(List.of("18～19歳", "20～29歳", "30～39歳", "40～49歳", "50～59歳", "60～69歳", "70～79歳"),
                new double[] {10, 68, 168, 219, 132, 105, 72}, new double[] {14, 118, 135, 156, 134, 122, 40}, "男性", "女性", "回答者の年代・性別"),
                dir.resolve("c.png"), 500, 500);
        for (String f : List.of("a.png", "b.png", "c.png")) {
            BufferedImage img = ImageIO.read(dir.resolve(f).toFile());
            assertEquals(f.equals("c.png") ? 500 : 640, img.getWidth());
            assertTrue(nonWhite(img) > 1000, f + " has drawing");
        }
        // the pyramid's left (male) side is drawn negative but labelled by magnitude
        org.jfree.chart.JFreeChart pyr = SurveyCharts.pyramid(List.of("a", "b"), new double[] {40, 10}, new double[] {5, 20}, "男性", "女性", "p");
        java.text.NumberFormat axisFormat = ((org.jfree.chart.axis.NumberAxis) pyr.getCategoryPlot().getRangeAxis()).getNumberFormatOverride();
        assertEquals("40", axisFormat.format(-40.0));
        assertEquals("1,200", axisFormat.format(-1200L));
        assertEquals("20", axisFormat.format(20.0));
        SurveyCharts.writeSvg(SurveyCharts.stackedPercent(t, "年代別"), dir.resolve("a.svg"), 640, 400);
        String svg = Files.readString(dir.resolve("a.svg"));
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"));
        assertTrue(svg.contains("年代別") || svg.contains("&#"), "title text in the SVG");
    }
}
