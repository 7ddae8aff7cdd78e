package dev.berth.docker;

import dev.berth.core.Backend;
import java.time.Instant;

/**
 * A Docker object (container or service) that carries Berth's labels for one step of one job
 * attempt. {@code createdAt} is null where unknown.
 */
public record Workload(String jobId, int attempt, int step, Backend backend, String objectId, String name,
                       WorkloadState state, Instant createdAt) {

    /** The object of an attempt's first (or only) step. */
    public Workload(String jobId, int attempt, Backend backend, String objectId, String name, WorkloadState state,
                    Instant createdAt) {
        this(jobId, attempt, 0, backend, objectId, name, state, createdAt);
    }

    public Workload(String jobId, int attempt, Backend backend, String objectId, String name, WorkloadState state) {
        this(jobId, attempt, 0, backend, objectId, name, state, null);
    }
}
