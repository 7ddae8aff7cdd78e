package dev.berth.support;

import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Job records in given states, for pure tests. */
public final class Jobs {
    public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private Jobs() {
    }

    public static Job pending(String id) {
        return new Job(id, null, Map.of(), 1, spec(), JobStatus.submitted(NOW), 0);
    }

    public static Job launching(String id, String containerId) {
        JobStatus status = JobStatus.submitted(NOW).withNewAttempt(Backend.CONTAINER, 1, "creating")
                .withDockerIds(containerId, null, null, null);
        return new Job(id, null, Map.of(), 1, spec(), status, 1);
    }

    public static Job running(String id, String containerId) {
        JobStatus status = launching(id, containerId).status().withPhase(Phase.Running, Reason.Started, "running")
                .withRun(null, NOW, null);
        return new Job(id, null, Map.of(), 1, spec(), status, 2);
    }

    public static JobSpec spec() {
        return new JobSpec("img:1", List.of("true"), null, Map.of(), null, null, List.of(), null, null, null, null);
    }
}
