package dev.berth.reconcile;

import dev.berth.docker.Workload;
import java.util.List;
import java.util.Set;

/**
 * What one listing of the engine found: this instance's objects, or why the engine did not answer.
 * Without {@code swarmManager}, services were not listed (the engine is no swarm manager, or a pass in
 * container mode did not ask for them), so their absence proves nothing. {@code died}: the ids of
 * containers whose death the engine announced since the pass before, which a listing taken at once
 * may still show running (the engine updates the list's view a moment after the container).
 */
public record Observed(boolean engineAvailable, String engineError, List<Workload> workloads,
                       boolean swarmManager, Set<String> died) {

    public static Observed available(List<Workload> workloads) {
        return new Observed(true, null, List.copyOf(workloads), true, Set.of());
    }

    public static Observed available(List<Workload> workloads, boolean swarmManager) {
        return new Observed(true, null, List.copyOf(workloads), swarmManager, Set.of());
    }

    public static Observed unavailable(String error) {
        return new Observed(false, error, List.of(), false, Set.of());
    }

    public Observed withDied(Set<String> containerIds) {
        return new Observed(engineAvailable, engineError, workloads, swarmManager, Set.copyOf(containerIds));
    }
}
