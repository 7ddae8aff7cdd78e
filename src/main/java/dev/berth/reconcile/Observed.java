package dev.berth.reconcile;

import dev.berth.docker.Workload;
import java.util.List;

/**
 * What one listing of the engine found: this instance's objects, or why the engine did not answer.
 * Without {@code swarmManager}, services could not be listed, so their absence proves nothing.
 */
public record Observed(boolean engineAvailable, String engineError, List<Workload> workloads,
                       boolean swarmManager) {

    public static Observed available(List<Workload> workloads) {
        return new Observed(true, null, List.copyOf(workloads), true);
    }

    public static Observed available(List<Workload> workloads, boolean swarmManager) {
        return new Observed(true, null, List.copyOf(workloads), swarmManager);
    }

    public static Observed unavailable(String error) {
        return new Observed(false, error, List.of(), false);
    }
}
