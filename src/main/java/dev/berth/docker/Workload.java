package dev.berth.docker;

import dev.berth.core.Backend;
import java.time.Instant;

/**
 * A Docker object (container or service) that carries Berth's labels for one job attempt.
 * {@code createdAt} is null where unknown.
 */
public record Workload(String jobId, int attempt, Backend backend, String objectId, String name,
                       WorkloadState state, Instant createdAt) {

    public Workload(String jobId, int attempt, Backend backend, String objectId, String name, WorkloadState state) {
        this(jobId, attempt, backend, objectId, name, state, null);
    }
}
