package dev.berth.db;

import java.util.Map;

/** Filters of a job listing: phase and labels must match, ids below {@code after}, at most {@code limit}. */
public record JobQuery(String phase, Map<String, String> labels, String after, int limit) {
    public JobQuery {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
