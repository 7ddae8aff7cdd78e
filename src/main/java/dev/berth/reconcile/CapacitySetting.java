package dev.berth.reconcile;

import dev.berth.core.Capacity;
import dev.berth.docker.EngineInfo;
import java.util.Optional;

/**
 * What docker.capacity says: the CPUs and memory that plain containers may take at once, each
 * given or (null) the engine host's own, times {@code overcommit}. Off (null) in swarm mode, where
 * the swarm's reservations place the jobs.
 */
public record CapacitySetting(Double cpus, Long memoryMb, double overcommit) {
    /** Both from the engine's host, no overcommit: the default. */
    public static final CapacitySetting AUTO = new CapacitySetting(null, null, 1.0);

    /** The capacity against the engine's word on its host; empty when that is needed and unknown. */
    Optional<Capacity> resolve(EngineInfo engine) {
        Double hostCpus = cpus != null ? cpus : engine.cpus() == null ? null : engine.cpus().doubleValue();
        Long hostMemoryMb = memoryMb != null ? memoryMb
                : engine.memoryBytes() == null ? null : engine.memoryBytes() / (1024 * 1024);
        if (hostCpus == null || hostMemoryMb == null) {
            return Optional.empty();
        }
        return Optional.of(overcommitted(hostCpus, hostMemoryMb));
    }

    /** The capacity when both numbers are given (see {@link #needsEngine()}). */
    Capacity given() {
        return overcommitted(cpus, memoryMb);
    }

    private Capacity overcommitted(double hostCpus, long hostMemoryMb) {
        return new Capacity(hostCpus * overcommit, (long) (hostMemoryMb * overcommit));
    }

    boolean needsEngine() {
        return cpus == null || memoryMb == null;
    }
}
