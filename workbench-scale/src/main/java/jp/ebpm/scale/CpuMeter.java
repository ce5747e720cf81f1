package jp.ebpm.scale;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Executor CPU time and shuffle bytes written per step of a job (Spark task metrics, summed over the tasks of the
 * step's stages): the benchmark's measure of work, which unlike wall time does not depend on what else runs on the machine. A step is
 * marked with {@link #step}; every Spark job started after it counts for it.
 */
final class CpuMeter extends SparkListener {

    private static final String GROUP = "wb.step";
    private final SparkContext sc;
    private final Map<Integer, String> stageStep = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> shuffle = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = new java.util.concurrent.ConcurrentSkipListMap<>();
    private int n;

    CpuMeter(SparkContext sc) {
        this.sc = sc;
        sc.addSparkListener(this);
    }

    /** Marks the start of a step. */
    void step(String name) {
        order.put(String.format("%03d %s", n++, name), true);
        sc.setLocalProperty(GROUP, name);
    }

    @Override
    public void onJobStart(SparkListenerJobStart e) {
        String step = e.properties() == null ? null : e.properties().getProperty(GROUP);
        if (step != null) {
            for (Object id : scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds())) {
                stageStep.put((Integer) id, step);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        String step = stageStep.get(e.stageId());
        if (step != null && e.taskMetrics() != null) {
            nanos.computeIfAbsent(step, k -> new LongAdder()).add(e.taskMetrics().executorCpuTime());
            shuffle.computeIfAbsent(step, k -> new LongAdder()).add(e.taskMetrics().shuffleWriteMetrics().bytesWritten());
        }
    }

    /** Shuffle bytes written per step (after {@link #seconds}). */
    Map<String, Long> shuffleBytes() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : order.keySet()) {
            LongAdder a = shuffle.get(k.substring(4));
            out.put(k.substring(4), a == null ? 0L : a.sum());
        }
        return out;
    }

    /** CPU seconds per step, in step order (waits for the listener bus to deliver the last events). */
    Map<String, Double> seconds() {
        try {
            sc.listenerBus().waitUntilEmpty(30_000);
        } catch (java.util.concurrent.TimeoutException e) {
            // figures of the last tasks may be missing; they are indicative only
        }
        sc.setLocalProperty(GROUP, null);
        sc.removeSparkListener(this);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : order.keySet()) {
            String name = k.substring(4);
            LongAdder a = nanos.get(name);
            out.put(name, a == null ? 0.0 : a.sum() / 1e9);
        }
        return out;
    }
}
