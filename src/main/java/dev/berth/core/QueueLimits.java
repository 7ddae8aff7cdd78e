package dev.berth.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many jobs may be launched (Launching or Running) at once: per queue, and of all queues
 * together. A null limit is none.
 */
public record QueueLimits(Map<String, Integer> maxRunning, Integer maxRunningTotal) {

    public QueueLimits {
        maxRunning = Collections.unmodifiableMap(new LinkedHashMap<>(maxRunning));
    }

    /** One queue, {@code default}, without limits. */
    public static final QueueLimits UNLIMITED = new QueueLimits(mapOfDefault(), null);

    public Set<String> queues() {
        return maxRunning.keySet();
    }

    /** The queue's own limit; null when it has none. */
    public Integer maxRunning(String queue) {
        return maxRunning.get(queue);
    }

    private static Map<String, Integer> mapOfDefault() {
        Map<String, Integer> only = new LinkedHashMap<>();
        only.put(JobSpec.DEFAULT_QUEUE, null);
        return only;
    }
}
