package dev.berth.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one side spent on a round, as differences of counters read before and after its timed
 * window: CPU seconds of its own process (Berth's server, or the benchmark's JVM running the
 * baseline) and of dockerd, engine API calls by kind, and, for Berth only, reconcile passes and
 * database write transactions (-1: not counted).
 */
record Cost(double cpuSeconds, double engineCpuSeconds, Map<String, Long> calls, long passes, long writes) {
    static final Cost NONE = new Cost(Double.NaN, Double.NaN, Map.of(), -1, -1);

    Cost minus(Cost before) {
        Map<String, Long> diff = new TreeMap<>();
        calls.forEach((kind, count) -> {
            long spent = count - before.calls.getOrDefault(kind, 0L);
            if (spent > 0) {
                diff.put(kind, spent);
            }
        });
        return new Cost(cpuSeconds - before.cpuSeconds, engineCpuSeconds - before.engineCpuSeconds, diff,
                passes < 0 ? -1 : passes - before.passes, writes < 0 ? -1 : writes - before.writes);
    }

    /**
     * Two servers' counters on one engine, as one side's: their CPU, calls, passes and writes add
     * up; dockerd is the same process for both, read once.
     */
    Cost plus(Cost other) {
        Map<String, Long> sum = new TreeMap<>(calls);
        other.calls.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
        return new Cost(cpuSeconds + other.cpuSeconds, engineCpuSeconds, sum,
                passes < 0 || other.passes < 0 ? -1 : passes + other.passes,
                writes < 0 || other.writes < 0 ? -1 : writes + other.writes);
    }

    long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls of one kind, whatever the object: {@code start} sums start.container and start.service. */
    long callsOf(String kind) {
        return calls.entrySet().stream().filter(e -> e.getKey().equals(kind) || e.getKey().startsWith(kind + "."))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
