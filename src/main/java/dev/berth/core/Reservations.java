package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a job needs set aside for it before it may start (swarm mode: the scheduler places it only
 * on a node with that much free); {@code generic} are counts of a node's generic resources by kind,
 * e.g. {@code {"gpu": 1}}. Absent fields reserve nothing.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Reservations(Double cpus, Long memoryMb, Map<String, Long> generic) {

    public Reservations {
        generic = SortedMaps.copyOf(generic);
    }

    /** How many GPUs the job asks for: the {@code gpu} kind of {@code generic}, 0 if none. */
    @JsonIgnore
    public long gpus() {
        return generic.getOrDefault("gpu", 0L);
    }
}
