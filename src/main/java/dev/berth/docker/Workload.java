package dev.berth.docker;

import dev.berth.core.Backend;

/** A Docker object (container or service) that carries Berth's labels for one job attempt. */
public record Workload(String jobId, int attempt, Backend backend, String objectId, String name,
                       WorkloadState state) {
}
