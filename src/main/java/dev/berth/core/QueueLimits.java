package dev.berth.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every queue's limits, and how many jobs of all queues together may be launched at once (null: no limit). */
public record QueueLimits(Map<String, QueueLimit> perQueue, Integer maxRunningTotal) {

    public QueueLimits {
        perQueue = Collections.unmodifiableMap(new LinkedHashMap<>(perQueue));
    }

    /** One queue, {@code default}, without limits. */
    public static final QueueLimits UNLIMITED = new QueueLimits(Map.of(JobSpec.DEFAULT_QUEUE, QueueLimit.NONE), null);

    public Set<String> queues() {
        return perQueue.keySet();
    }

    /** The queue's limits; none for a queue the configuration does not have. */
    public QueueLimit of(String queue) {
        return perQueue.getOrDefault(queue, QueueLimit.NONE);
    }

    /** The queue's own limit; null when it has none. */
    public Integer maxRunning(String queue) {
        return of(queue).maxRunning();
    }
}
