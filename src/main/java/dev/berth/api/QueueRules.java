package dev.berth.api;

import dev.berth.core.JobSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A job's queue must be one the configuration defines; its priority lies in a fixed range. */
final class QueueRules {
    static final int MIN_PRIORITY = -1000;
    static final int MAX_PRIORITY = 1000;

    private QueueRules() {
    }

    /** The queue a job goes to: the one it names, or the default. */
    static String queue(String named, Set<String> known, List<String> errors) {
        String queue = named == null ? JobSpec.DEFAULT_QUEUE : named;
        if (!known.contains(queue)) {
            errors.add("queue \"" + queue + "\" is not configured: the queues are "
                    + String.join(", ", new TreeSet<>(known)));
        }
        return queue;
    }

    static int priority(Integer given, List<String> errors) {
        int priority = given == null ? 0 : given;
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            errors.add("priority must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY + " (got " + priority + ")");
        }
        return priority;
    }
}
