package dev.berth.core;

/** Spread tasks evenly over the values of one node attribute, e.g. {@code node.labels.zone}. */
public record PlacementPreference(String spread) {
}
