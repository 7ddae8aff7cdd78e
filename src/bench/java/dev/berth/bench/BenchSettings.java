package dev.berth.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a benchmark run does and where: sizes from the environment (BERTH_BENCH_*), paths and the
 * engine from the system properties scripts/bench passes.
 */
record BenchSettings(List<Integer> jobSizes, int rounds, BenchEngine engine, Path jar, Path config, Path workDir, Path report,
                     String runId, String commit, Duration apiRun, int seededJobs, int activeJobs, int queueJobs) {

    /** Every object the baseline creates carries this label with the run id, and only those are removed. */
    static final String RUN_LABEL = "berth-bench.run";

    static BenchSettings fromEnvironment() {
        String runId = Long.toString(System.currentTimeMillis() / 1000, 36);
        return new BenchSettings(
                intsFromEnv("BERTH_BENCH_JOBS", List.of(100)),
                intFromEnv("BERTH_BENCH_ROUNDS", 3),
                BenchEngine.fromProperties(),
                Path.of(required("bench.jar")),
                Path.of(required("bench.config")),
                Path.of(required("bench.work")),
                Path.of(required("bench.report")),
                runId,
                System.getProperty("bench.commit", "unknown"),
                Duration.ofSeconds(intFromEnv("BERTH_BENCH_API_SECONDS", 10)),
                intFromEnv("BERTH_BENCH_SEEDED_JOBS", 100_000),
                50,
                intFromEnv("BERTH_BENCH_QUEUE_JOBS", 10_000));
    }

    /** The largest round: what the clients must have connections for. */
    int jobs() {
        return jobSizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** "40, 100 and 400" (or "100"). */
    String jobSizesText() {
        List<String> sizes = jobSizes.stream().map(String::valueOf).toList();
        return sizes.size() == 1 ? sizes.get(0)
                : String.join(", ", sizes.subList(0, sizes.size() - 1)) + " and " + sizes.get(sizes.size() - 1);
    }

    /** The image every job runs, on both sides. */
    String image() {
        return engine.image();
    }

    /** The Berth instance id of one server: its objects carry it, so cleanup can find exactly them. */
    String instanceId(String purpose) {
        return "bench-" + runId + "-" + purpose;
    }

    private static int intFromEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** A comma-separated list of sizes, e.g. BERTH_BENCH_JOBS=40,100,400. */
    private static List<Integer> intsFromEnv(String name, List<Integer> fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + property + " is required (scripts/bench sets it)");
        }
        return value;
    }
}
