package dev.berth.core;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable copies of string maps in key order, so that records print and compare the same way every run. */
public final class SortedMaps {
    private SortedMaps() {
    }

    public static <V> SortedMap<String, V> copyOf(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
