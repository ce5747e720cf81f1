package jp.ebpm.scale;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.overlay.KeyedPolygons;
import jp.ebpm.analysis.privacy.location.ColumnDetector;
import jp.ebpm.analysis.privacy.location.ScaleManifest;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.udf;

/**
 * Points in polygons for a large point layer (buildings, addresses: 10^7–10^8 points): the number of points per
 * polygon key, every key listed (0 when empty), by the desktop overlay's rules ({@code PointsInPolygons}: polygons
 * grouped by key and ordered by key, numbers numerically; a point on a shared edge counts once, for the lowest key;
 * points are transformed into the polygons' system unless both are WGS 84/JGD2011/JGD2000). Points without
 * coordinates and points outside every polygon are counted and reported in the manifest. Point layers are not
 * private: the table is for the desktop's overlay views as it is.
 */
final class CountPointsJob {

    /** The job's options. */
    record Options(String input, String format, String encoding, String latCol, String lonCol, String pointsCrs,
                   Path areas, String areaKey, String areasCrs, String out) {
    }

    private final SparkSession spark;
    private final Options o;

    CountPointsJob(SparkSession spark, Options options) {
        this.spark = spark;
        this.o = options;
    }

    ScaleManifest run() {
        Instant start = Instant.now();
        VectorData polys = Boundaries.read(o.areas(), o.areasCrs());
        KeyedPolygons kp;
        try {
            kp = KeyedPolygons.of(polys, o.areaKey());
        } catch (IllegalArgumentException e) {
            throw new JobException("The boundary file " + o.areas().getFileName() + ": " + e.getMessage()
                    + " Name the key with --area-key.");
        }
        int pointsEpsg;
        try {
            pointsEpsg = o.pointsCrs() == null ? Crs.WGS84 : Crs.parseCode(o.pointsCrs());
        } catch (IllegalArgumentException e) {
            throw new JobException("--points-crs: " + e.getMessage());
        }
        boolean transform = pointsEpsg != polys.epsg()
                && (Boundaries.needsTransform(pointsEpsg) || Boundaries.needsTransform(polys.epsg()));
        Dataset<Row> src = PingReader.load(spark, o.input(), o.format(), o.encoding());
        List<String> headers = List.of(src.columns());
        String lat = PingReader.column(headers, o.latCol(), ColumnDetector.LAT, "latitude (y)", "--lat-col", o.input());
        String lon = PingReader.column(headers, o.lonCol(), ColumnDetector.LON, "longitude (x)", "--lon-col", o.input());
        spark.udf().register("wb_locate_points", udf(new LocateUdf("points:" + o.areas().getFileName() + ":" + o.areaKey(),
                kp.polygons(), kp.keyIndex(), transform ? pointsEpsg : 0, transform ? polys.epsg() : 0), DataTypes.IntegerType));
        return Output.run(spark, o.out(), out -> {
            Dataset<Row> located = src.select(expr("try_cast(" + PingReader.q(lon) + " AS DOUBLE)").as("x"),
                    expr("try_cast(" + PingReader.q(lat) + " AS DOUBLE)").as("y"))
                    .select(expr("x IS NULL OR y IS NULL OR isnan(x) OR isnan(y)").as("unlocated"),
                            callUDF("wb_locate_points", expr("x"), expr("y")).as("k"));
            List<Row> counts = located.groupBy("unlocated", "k").count().collectAsList();
            long[] perKey = new long[kp.keys().size()];
            long unlocated = 0;
            long outside = 0;
            for (Row r : counts) {
                if (r.getBoolean(0)) {
                    unlocated += r.getLong(2);
                } else if (r.isNullAt(1)) {
                    outside += r.getLong(2);
                } else {
                    perKey[r.getInt(1)] += r.getLong(2);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < perKey.length; i++) {
                rows.add(RowFactory.create(kp.keys().get(i), perKey[i]));
            }
            StructType schema = new StructType().add("key", DataTypes.StringType).add("count", DataTypes.LongType);
            out.table("points_in_polygons", spark.createDataFrame(rows, schema).coalesce(1));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("areas", o.areas().getFileName().toString());
            params.put("area_key", o.areaKey());
            params.put("areas_crs", Crs.label(polys.epsg()));
            params.put("points_crs", Crs.label(pointsEpsg));
            params.put("lat_col", lat);
            params.put("lon_col", lon);
            params.put("edge_rule", "lowest key");
            params.put("unlocated", Long.toString(unlocated));
            params.put("outside", Long.toString(outside));
            params.put("master", spark.sparkContext().master());
            List<ScaleManifest.Input> inputs = new ArrayList<>(Output.listing(spark, "points", src.inputFiles()));
            inputs.add(Output.localFile("areas", o.areas()));
            return out.commit(spark, "count-points", start, params, inputs,
                    List.of(new ScaleManifest.Table("points_in_polygons", ScaleManifest.POINTS, rows.size(),
                            List.of("key", "count"), kp.keys(), List.of("count"))));
        });
    }
}
