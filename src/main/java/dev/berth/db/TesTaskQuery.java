package dev.berth.db;

import java.util.Map;

/**
 * Filters of a TES task listing: the TES name starts with {@code namePrefix} (null: any), every tag
 * is on the task (an empty value: with any value), the owner matches (null: any), ids below
 * {@code after}, at most {@code limit}.
 */
public record TesTaskQuery(String namePrefix, Map<String, String> tags, String owner, String after, int limit) {
    public TesTaskQuery {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
