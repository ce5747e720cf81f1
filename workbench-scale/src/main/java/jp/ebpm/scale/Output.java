package jp.ebpm.scale;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import jp.ebpm.analysis.privacy.location.ScaleManifest;

/**
 * The job's output folder, written all or nothing: everything goes to a hidden sibling folder
 * ({@code .<name>.tmp-<random>}, which Spark and Hadoop readers skip) and is renamed to the target at the very end,
 * after the manifest; on any failure the temporary folder is deleted. The target must not exist yet (or be an empty
 * folder). On HDFS and local disks the rename is atomic; on S3-compatible stores a rename is a copy, so a reader
 * must wait for {@code manifest.json}, which is written last inside the folder.
 */
final class Output implements AutoCloseable {

    private final FileSystem fs;
    private final Path target;
    private final Path tmp;
    private boolean committed;

    private Output(FileSystem fs, Path target, Path tmp) {
        this.fs = fs;
        this.target = target;
        this.tmp = tmp;
    }

    /** Checks the target and creates the temporary folder. */
    static Output open(SparkSession spark, String out) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(conf);
            target = fs.makeQualified(target);
            if (fs.exists(target)) {
                FileStatus st = fs.getFileStatus(target);
                if (!st.isDirectory() || fs.listStatus(target).length > 0) {
                    throw new JobException("The output " + out + " already exists; give a new folder (nothing is overwritten).");
                }
            }
            Path parent = target.getParent();
            Path tmp = new Path(parent, "." + target.getName() + ".tmp-" + UUID.randomUUID());
            if (!fs.mkdirs(tmp)) {
                throw new JobException("Cannot create a folder next to " + out + ".");
            }
            return new Output(fs, target, tmp);
        } catch (IOException e) {
            throw new JobException("Cannot prepare the output " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the writing part of a job: a {@link JobException} passes as it is, any other failure (Spark's checked
     * {@code AnalysisException} included) becomes one with Spark's message; the temporary folder is removed unless
     * the job committed.
     */
    static ScaleManifest run(SparkSession spark, String out, java.util.function.Function<Output, ScaleManifest> job) {
        try (Output o = open(spark, out)) {
            return job.apply(o);
        } catch (JobException e) {
            throw e;
        } catch (Exception e) { // also Spark's AnalysisException, a checked exception Scala does not declare
            throw new JobException(Failures.sparkMessage(e), e);
        }
    }

    /** Writes one aggregate table as Parquet into the temporary folder. */
    void table(String name, Dataset<Row> rows) {
        rows.write().mode(SaveMode.ErrorIfExists).parquet(new Path(tmp, name).toString());
    }

    /**
     * Describes the finished job in a manifest (Spark version, start and end, wall seconds), writes it last and
     * renames the folder to the target.
     */
    ScaleManifest commit(SparkSession spark, String job, Instant start, java.util.Map<String, String> parameters,
                         List<ScaleManifest.Input> inputs, List<ScaleManifest.Table> tables) {
        Instant end = Instant.now();
        ScaleManifest m = new ScaleManifest(ScaleManifest.FORMAT, job, spark.version(), start.toString(), end.toString(),
                java.time.Duration.between(start, end).toMillis() / 1000.0, parameters, inputs, tables);
        commit(m);
        return m;
    }

    /** Writes the manifest last and renames the folder to the target. */
    void commit(ScaleManifest manifest) {
        try {
            fs.setWriteChecksum(false);
            try (OutputStream o = fs.create(new Path(tmp, ScaleManifest.FILE), false)) {
                o.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target)) {
                throw new JobException("Cannot rename the finished output to " + target + ".");
            }
            committed = true;
        } catch (IOException e) {
            throw new JobException("Cannot write the output: " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary folder unless the output was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                fs.delete(tmp, true);
            } catch (IOException ignored) {
                // best effort: the folder is hidden and holds aggregates only
            }
        }
    }

    /** A listing of the files a source read: path, size, modification time. */
    static List<ScaleManifest.Input> listing(SparkSession spark, String role, String[] files) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<ScaleManifest.Input> out = new ArrayList<>();
        for (String f : files) {
            try {
                Path p = new Path(f);
                FileStatus st = p.getFileSystem(conf).getFileStatus(p);
                out.add(new ScaleManifest.Input(role, f, st.getLen(), Instant.ofEpochMilli(st.getModificationTime()).toString(), null));
            } catch (IOException e) {
                out.add(new ScaleManifest.Input(role, f, -1, null, null));
            }
        }
        return out;
    }

    /** A local file with its SHA-256 (boundary files). */
    static ScaleManifest.Input localFile(String role, java.nio.file.Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            String sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            return new ScaleManifest.Input(role, file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant().toString(), sha);
        } catch (IOException e) {
            throw new JobException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
