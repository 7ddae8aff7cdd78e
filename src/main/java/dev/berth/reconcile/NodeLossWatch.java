package dev.berth.reconcile;

import java.time.Duration;
import java.time.Instant;
import dev.berth.core.Job;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Remembers since when each step's task has looked stranded (its node down, or told to shut down
 * while its node reports it running), so that a node that is back within {@code grace} costs its
 * jobs nothing. Only this process's own sightings count: after a restart the grace starts again,
 * which can only make Berth wait longer, never give up on a task too early.
 */
final class NodeLossWatch {
    private final Duration grace;
    private final Map<String, Instant> since = new ConcurrentHashMap<>();

    NodeLossWatch(Duration grace) {
        this.grace = grace;
    }

    /** True once the step has looked stranded for the whole grace, counted from its first sighting. */
    boolean strandedTooLong(String jobId, int attempt, int step, Instant now) {
        Instant first = since.computeIfAbsent(key(jobId, attempt, step), k -> now);
        return !first.plus(grace).isAfter(now);
    }

    /** Whether this process saw the step stranded and has not seen it recover since. */
    boolean wasStranded(String jobId, int attempt, int step) {
        return since.containsKey(key(jobId, attempt, step));
    }

    /** The step no longer looks stranded (its node is back), or it has ended: forget it. */
    void clear(String jobId, int attempt, int step) {
        since.remove(key(jobId, attempt, step));
    }

    /** Forgets the steps of jobs that are no longer active (ended, cancelled, deleted). */
    void retainJobsOf(List<Job> active) {
        if (since.isEmpty()) {
            return; // every pass calls this; nearly always nothing is stranded
        }
        Set<String> ids = active.stream().map(Job::id).collect(Collectors.toSet());
        since.keySet().removeIf(key -> !ids.contains(key.substring(0, key.indexOf('/'))));
    }

    Duration grace() {
        return grace;
    }

    private static String key(String jobId, int attempt, int step) {
        return jobId + "/" + attempt + "/" + step;
    }
}
