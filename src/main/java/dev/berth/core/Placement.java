package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where on a swarm a job may run (swarm mode only): {@code constraints} in the swarm's own syntax
 * ({@code node.labels.zone==a}), every one of which a node must meet, and {@code preferences},
 * which spread the job's tasks over the values of a node label. Either may be empty.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Placement(List<String> constraints, List<PlacementPreference> preferences) {
    public static final Placement NONE = new Placement(List.of(), List.of());

    public Placement {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        preferences = preferences == null ? List.of() : List.copyOf(preferences);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return constraints.isEmpty() && preferences.isEmpty();
    }
}
