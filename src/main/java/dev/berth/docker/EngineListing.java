package dev.berth.docker;

import java.util.List;

/**
 * This instance's objects as one listing found them. {@code swarmManager} is false when the listing
 * has no services (the engine could not list them, or they were not asked for): then service-backed
 * jobs are simply not visible, not gone.
 */
public record EngineListing(List<Workload> workloads, boolean swarmManager) {
    public EngineListing {
        workloads = List.copyOf(workloads);
    }
}
