package dev.berth.api;

import java.util.List;

/** A job's placement on a swarm as a user writes it: {@code {constraints: [...], preferences: [{spread}]}}. */
public record PlacementManifest(List<String> constraints, List<PreferenceManifest> preferences) {

    /** One placement preference: {@code {"spread": "node.labels.zone"}}. */
    public record PreferenceManifest(String spread) {
    }
}
