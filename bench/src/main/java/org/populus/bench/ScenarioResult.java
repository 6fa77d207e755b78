package org.populus.bench;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one scenario measured. Latencies are in milliseconds and cover successful requests only; throughput is
 * successful requests per second of the measured window. NaN means "not measured" (e.g. pgbench gives no
 * percentiles, only an average).
 */
record ScenarioResult(String key, String title, String detail, long ok, long errors, double seconds, double p50,
        double p95, double p99, double max, double mean, CpuMeter.Usage cpu, String failure,
        List<String> errorSamples) {

    static ScenarioResult measured(String key, String title, String detail, long ok, long errors, double seconds,
            Histogram h, CpuMeter.Usage cpu, List<String> samples) {
        boolean any = h.getTotalCount() > 0;
        return new ScenarioResult(key, title, detail, ok, errors, seconds,
                any ? h.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                any ? h.getValueAtPercentile(95) / 1000.0 : Double.NaN,
                any ? h.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                any ? h.getMaxValue() / 1000.0 : Double.NaN,
                any ? h.getMean() / 1000.0 : Double.NaN,
                cpu, null, samples);
    }

    static ScenarioResult failed(String key, String title, String detail, String failure, List<String> samples) {
        return new ScenarioResult(key, title, detail, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, CpuMeter.Usage.UNKNOWN, failure, samples);
    }

    double throughput() {
        return seconds > 0 ? ok / seconds : 0;
    }

    boolean hasProblem() {
        return failure != null || errors > 0 || ok == 0;
    }

    String oneLine() {
        if (failure != null) {
            return "FAILED: " + failure;
        }
        return String.format(Locale.ROOT,
                "%,d ok, %,d errors, %,.1f req/s, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms", ok, errors,
                throughput(), ms(p50), ms(p95), ms(p99), ms(max));
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%,.0f", v);
    }
}
