package dev.berth.db;

import java.util.Map;

/**
 * Filters of a job listing: phase, labels, owner and queue (null: any) must match, ids below
 * {@code after}, at most {@code limit}.
 */
public record JobQuery(String phase, Map<String, String> labels, String after, int limit, String owner, String queue) {
    public JobQuery {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public JobQuery(String phase, Map<String, String> labels, String after, int limit) {
        this(phase, labels, after, limit, null, null);
    }
}
