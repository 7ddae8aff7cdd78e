package dev.berth.reconcile;

import dev.berth.core.AttemptEnding;
import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobEvent.EventType;
import dev.berth.core.JobStatus;
import dev.berth.core.Lifecycle;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.StatusChange;
import dev.berth.docker.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Pure rules for turning what was observed into a job's next status and events. */
public final class Transitions {
    private Transitions() {
    }

    /** Empty when the observation says nothing the record does not already say. */
    public static Optional<StatusChange> observed(Job job, Observation seen, Instant now, Lifecycle lifecycle) {
        JobStatus current = job.status();
        // What a look does not show (a task that has not started yet has no container) keeps its
        // earlier value rather than being wiped.
        JobStatus next = current.withPhase(seen.phase(), seen.reason(), seen.message())
                .withDockerIds(firstNonNull(seen.containerId(), current.containerId()),
                        firstNonNull(seen.serviceId(), current.serviceId()),
                        firstNonNull(seen.taskId(), current.taskId()), firstNonNull(seen.nodeId(), current.nodeId()))
                .withRun(seen.exitCode(), firstNonNull(seen.startedAt(), current.startedAt()), seen.finishedAt());
        if (next.equals(current)) {
            return Optional.empty();
        }
        if (next.phase() == current.phase()) {
            return Optional.of(new StatusChange(next, List.of()));
        }
        List<JobEvent> events = new ArrayList<>();
        if (next.isTerminal() && current.phase() != Phase.Running && seen.startedAt() != null) {
            // Finished between two looks: its history still shows that it ran.
            events.add(event(seen.startedAt(), Phase.Running, Reason.Started, "running", job));
        }
        if (!next.isTerminal()) {
            events.add(event(Objects.requireNonNullElse(seen.startedAt(), now), next.phase(), next.reason(),
                    next.message(), job));
            return Optional.of(new StatusChange(next, events));
        }
        StatusChange ending = AttemptEnding.apply(job, next, now, lifecycle);
        events.addAll(ending.events());
        return Optional.of(new StatusChange(ending.status(), events));
    }

    /** The job is launching attempt n+1 (or again attempt n, when an earlier create never landed). */
    public static StatusChange launching(Job job, Backend backend, String objectName, Instant now) {
        if (job.status().phase() == Phase.Launching) {
            return new StatusChange(job.status(), List.of());
        }
        JobStatus next = job.status().withNewAttempt(backend, job.generation(), "creating " + objectName);
        return new StatusChange(next, List.of(new JobEvent(now, EventType.Normal, Phase.Launching,
                Reason.Launched, next.message(), next.attempts())));
    }

    /** The engine accepted the create: remember the object so that its loss can be told apart. */
    public static StatusChange created(Job job, Backend backend, String objectId, String message) {
        boolean service = backend == Backend.SERVICE;
        JobStatus next = job.status().withPhase(Phase.Launching, Reason.Launched, message)
                .withDockerIds(service ? null : objectId, service ? objectId : null, null, null);
        return new StatusChange(next, List.of());
    }

    /** The attempt ended without an exit of its own (refused, lost, unresolvable, stopped). */
    public static StatusChange failed(Job job, Reason reason, String message, Instant now, Lifecycle lifecycle) {
        JobStatus ended = job.status().withPhase(Phase.Failed, reason, message)
                .withRun(job.status().exitCode(), job.status().startedAt(), now);
        return AttemptEnding.apply(job, ended, now, lifecycle);
    }

    public static StatusChange heldPending(Job job, Reason reason, String message, Instant now) {
        JobStatus next = job.status().withPhase(Phase.Pending, reason, message);
        return new StatusChange(next, List.of(new JobEvent(now, EventType.Warning, Phase.Pending, reason,
                message, job.currentAttempt())));
    }

    private static JobEvent event(Instant at, Phase phase, Reason reason, String message, Job job) {
        EventType type = phase == Phase.Failed ? EventType.Warning : EventType.Normal;
        return new JobEvent(at, type, phase, reason, message, job.currentAttempt());
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
