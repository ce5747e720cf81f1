package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;

/**
 * A deterministic generator of <em>synthetic</em> ping data for Kawasaki (no real person behind any row).
 * Devices live in the 7 wards in proportion to the wards' population (Kanagawa Prefecture, 1 Oct 2021);
 * 55 % of resident devices commute on weekdays 09–17 h to a workplace ward drawn in proportion to
 * population (which may be the home ward); 8 % of devices are visitors from outside the city, seen only
 * 09–18 h. Each device has {@value #PINGS_PER_DAY} pings a day for 7 days from Monday 2026-04-06, at
 * hours drawn with a day/night rhythm; positions are home, workplace, a weekend outing or a point
 * between home and work at rush hours, jittered by about 80 m. The same seed gives the same rows.
 */
public final class SyntheticPings {

    /** Pings per device and day. */
    public static final int PINGS_PER_DAY = 10;
    /** Days covered. */
    public static final int DAYS = 7;
    private static final LocalDate START = LocalDate.of(2026, 4, 6);
    private static final String[] AGES = {"10s", "20s", "30s", "40s", "50s", "60s", "70s+"};
    private static final double[] HOUR_WEIGHT = {1, 0.6, 0.5, 0.5, 0.6, 1, 2, 4, 6, 5, 4, 4, 5, 4, 4, 4, 5, 6, 6, 5, 4, 3, 2, 1.5};

    private final AreaLayer wards = AreaLayer.bundledWards();
    private final List<PreparedGeometry> prepared = new ArrayList<>();
    private final double[] cumulative;
    private final GeometryFactory gf = new GeometryFactory();
    private final double[] hourCum = new double[24];

    /** Receives generated pings. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param rawId     the synthetic device id
         * @param epochMicros local Japan time in microseconds since 1970-01-01 00:00
         */
        void ping(String rawId, long epochMicros, double lat, double lon, int accuracy, String ageBand, String sex)
                throws IOException;
    }

    public SyntheticPings() {
        double[] pop = new double[wards.areas().size()];
        String csv = "kawasaki-ward-population-2021-10.csv";
        try (java.io.InputStream in = SyntheticPings.class.getResourceAsStream(csv)) {
            String text = jp.ebpm.analysis.io.TextFile.decode(in.readAllBytes(), "utf-8", csv).value();
            List<jp.ebpm.analysis.io.DelimitedText.Record> rows = jp.ebpm.analysis.io.DelimitedText.parse(text, ',', csv);
            for (jp.ebpm.analysis.io.DelimitedText.Record f : rows.subList(1, rows.size())) {
                for (int i = 0; i < pop.length; i++) {
                    if (wards.areas().get(i).key().equals(f.field(0))) {
                        pop[i] = Double.parseDouble(f.field(2));
                    }
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new WorkbenchException("The bundled ward populations cannot be read.", e);
        }
        cumulative = new double[pop.length];
        double sum = Arrays.stream(pop).sum();
        double acc = 0;
        for (int i = 0; i < pop.length; i++) {
            acc += pop[i] / sum;
            cumulative[i] = acc;
            prepared.add(PreparedGeometryFactory.prepare(wards.areas().get(i).geometry()));
        }
        double hs = Arrays.stream(HOUR_WEIGHT).sum();
        double h = 0;
        for (int i = 0; i < 24; i++) {
            h += HOUR_WEIGHT[i] / hs;
            hourCum[i] = h;
        }
    }

    /** Writes {@code rows} pings as CSV (header {@code device_id,timestamp,lat,lon,accuracy,age_band,sex}). */
    public void writeCsv(long rows, long seed, Writer out, Cancellation cancel) throws IOException {
        out.write("device_id,timestamp,lat,lon,accuracy,age_band,sex\n");
        StringBuilder sb = new StringBuilder(128);
        generate(rows, seed, cancel, (id, micros, lat, lon, acc, age, sex) -> {
            sb.setLength(0);
            sb.append(id).append(',');
            appendTime(sb, micros);
            sb.append(',');
            appendFixed(sb, lat, 7);
            sb.append(',');
            appendFixed(sb, lon, 7);
            sb.append(',').append(acc).append(',').append(age).append(',').append(sex).append('\n');
            out.append(sb);
        });
        out.flush();
    }

    /** Generates exactly {@code rows} pings, device by device, into the sink. */
    public void generate(long rows, long seed, Cancellation cancel, Sink sink) throws IOException {
        long devices = devicesFor(rows);
        for (long device = 0; device < devices; device++) {
            if ((device & 1023) == 0) {
                cancel.check();
            }
            device(seed, device, Math.min(PINGS_PER_DEVICE, rows - device * PINGS_PER_DEVICE), sink);
        }
    }

    /** Pings of one device over the whole period: {@value #PINGS_PER_DAY} × {@value #DAYS}. */
    public static final int PINGS_PER_DEVICE = PINGS_PER_DAY * DAYS;

    /** The number of devices {@link #generate} uses for {@code rows} pings. */
    public static long devicesFor(long rows) {
        return Math.floorDiv(rows + PINGS_PER_DEVICE - 1, PINGS_PER_DEVICE);
    }

    /**
     * Generates the pings of devices {@code first} (inclusive) to {@code end} (exclusive) of a run of {@code rows}
     * pings: the same rows, in the same order, as that part of {@link #generate}, so a run can be split across
     * workers by device ranges (the Spark job's generator does).
     */
    public void generateDevices(long rows, long seed, long first, long end, Sink sink) throws IOException {
        for (long device = first; device < Math.min(end, devicesFor(rows)); device++) {
            device(seed, device, Math.min(PINGS_PER_DEVICE, rows - device * PINGS_PER_DEVICE), sink);
        }
    }

    /** The first {@code limit} pings of one device. */
    private void device(long seed, long device, long limit, Sink sink) throws IOException {
        long[] times = new long[PINGS_PER_DAY];
        long emitted = 0;
        SplittableRandom rnd = new SplittableRandom(mix(seed, device));
        String id = String.format("KWS-%016x", mix(seed ^ 0x5DEECE66DL, device));
        boolean outsider = rnd.nextDouble() < 0.08;
        int home = pickWard(rnd);
        int work = rnd.nextDouble() < 0.55 ? pickWard(rnd) : home;
        double[] homePt = randomPoint(home, rnd);
        double[] workPt = outsider ? randomPoint(pickWard(rnd), rnd) : randomPoint(work, rnd);
        boolean commuter = outsider || work != home || rnd.nextBoolean();
        String age = AGES[rnd.nextInt(AGES.length)];
        String sex = rnd.nextBoolean() ? "M" : "F";
        for (int day = 0; day < DAYS && emitted < limit; day++) {
            LocalDate date = START.plusDays(day);
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            long midnight = date.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
            for (int i = 0; i < PINGS_PER_DAY; i++) {
                int hour = outsider ? 9 + rnd.nextInt(10) : pickHour(rnd);
                times[i] = midnight + (hour * 3600L + rnd.nextInt(3600)) * 1_000_000L;
            }
            Arrays.sort(times);
            double[] outing = weekend && rnd.nextDouble() < 0.3 ? randomPoint(pickWard(rnd), rnd) : null;
            for (int i = 0; i < PINGS_PER_DAY && emitted < limit; i++) {
                int hour = (int) ((times[i] - midnight) / 3_600_000_000L);
                double[] at;
                if (outsider) {
                    at = workPt;
                } else if (!weekend && commuter && hour >= 9 && hour < 17) {
                    at = workPt;
                } else if (!weekend && commuter && (hour == 8 || hour == 17 || hour == 18) && rnd.nextBoolean()) {
                    double f = rnd.nextDouble();
                    at = new double[] {homePt[0] + f * (workPt[0] - homePt[0]), homePt[1] + f * (workPt[1] - homePt[1])};
                } else if (outing != null && hour >= 10 && hour < 18) {
                    at = outing;
                } else {
                    at = homePt;
                }
                double lat = at[1] + gaussian(rnd) * 0.0007;
                double lon = at[0] + gaussian(rnd) * 0.0009;
                sink.ping(id, times[i], lat, lon, 5 + rnd.nextInt(60), age, sex);
                emitted++;
            }
        }
    }

    private int pickWard(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private int pickHour(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        for (int i = 0; i < 24; i++) {
            if (u < hourCum[i]) {
                return i;
            }
        }
        return 23;
    }

    private double[] randomPoint(int ward, SplittableRandom rnd) {
        Envelope e = wards.areas().get(ward).geometry().getEnvelopeInternal();
        for (int tries = 0; tries < 10_000; tries++) {
            double x = e.getMinX() + rnd.nextDouble() * e.getWidth();
            double y = e.getMinY() + rnd.nextDouble() * e.getHeight();
            if (prepared.get(ward).contains(gf.createPoint(new Coordinate(x, y)))) {
                return new double[] {x, y};
            }
        }
        Coordinate c = wards.areas().get(ward).geometry().getInteriorPoint().getCoordinate();
        return new double[] {c.x, c.y};
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** SplitMix64 finaliser of (seed, index). */
    static long mix(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void appendTime(StringBuilder sb, long micros) {
        long secs = Math.floorDiv(micros, 1_000_000L);
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
        sb.append(t.getYear()).append('-');
        pad2(sb, t.getMonthValue());
        sb.append('-');
        pad2(sb, t.getDayOfMonth());
        sb.append(' ');
        pad2(sb, t.getHour());
        sb.append(':');
        pad2(sb, t.getMinute());
        sb.append(':');
        pad2(sb, t.getSecond());
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    static void appendFixed(StringBuilder sb, double v, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long x = Math.round(v * scale);
        if (x < 0) {
            sb.append('-');
            x = -x;
        }
        sb.append(x / scale).append('.');
        String frac = Long.toString(x % scale);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }
}
