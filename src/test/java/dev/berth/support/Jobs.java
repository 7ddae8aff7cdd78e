package dev.berth.support;

import dev.berth.core.Attempt;
import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.Step;
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

    /** Pending in {@code queue} at {@code priority}. */
    public static Job pending(String id, String queue, int priority) {
        return new Job(id, null, Map.of(), 1, spec().withQueue(queue, priority), JobStatus.submitted(NOW), 0);
    }

    public static Job launching(String id, String containerId) {
        return launching(id, containerId, spec(), Backend.CONTAINER);
    }

    /** Attempt 1 launching, its first step's object created ({@code objectId} null: not yet). */
    public static Job launching(String id, String objectId, JobSpec spec, Backend backend) {
        JobStatus status = JobStatus.submitted(NOW).withNewAttempt(1, "creating");
        Attempt attempt = Attempt.launching(1, backend, spec.stepNames(), "creating");
        boolean service = backend == Backend.SERVICE;
        Step first = attempt.step(0).withPhase(Phase.Launching, Reason.Launched, "created")
                .withIds(service ? null : objectId, service ? objectId : null, null, null);
        return new Job(id, null, Map.of(), 1, spec, status, objectId == null ? attempt : attempt.withStep(first), 1);
    }

    public static Job running(String id, String containerId) {
        return running(id, containerId, spec());
    }

    /** Attempt 1 running its first step in container {@code containerId}. */
    public static Job running(String id, String containerId, JobSpec spec) {
        Job launching = launching(id, containerId, spec, Backend.CONTAINER);
        Step first = launching.attempt().step(0).withPhase(Phase.Running, Reason.Started, "running")
                .withRun(null, NOW, null);
        Attempt attempt = launching.attempt().withStep(first).withStart(NOW, null, null)
                .withPhase(Phase.Running, Reason.Started, "running");
        JobStatus status = launching.status().withPhase(Phase.Running, Reason.Started, "running").withStart(NOW);
        return new Job(id, null, Map.of(), 1, spec, status, attempt, 2);
    }

    public static JobSpec spec() {
        return new JobSpec("img:1", List.of("true"), null, Map.of(), null, null, List.of(), null, null, null, null);
    }
}
