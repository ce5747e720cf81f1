package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;

/** Builds small ping files for tests, with points surely inside given wards. */
final class PrivacyTestData {

    private PrivacyTestData() {
    }

    /** An interior point (lon, lat) of a bundled ward. */
    static Coordinate inside(String wardCode) {
        for (AreaLayer.Area a : AreaLayer.bundledWards().areas()) {
            if (a.key().equals(wardCode)) {
                return a.geometry().getInteriorPoint().getCoordinate();
            }
        }
        throw new IllegalArgumentException(wardCode);
    }

    /** Deletes a folder and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
