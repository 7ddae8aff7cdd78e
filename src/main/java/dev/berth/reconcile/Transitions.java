package dev.berth.reconcile;

import dev.berth.core.Attempt;
import dev.berth.core.AttemptEnding;
import dev.berth.core.Backend;
import dev.berth.core.Desired;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobEvent.EventType;
import dev.berth.core.JobStatus;
import dev.berth.core.Lifecycle;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.StatusChange;
import dev.berth.core.Step;
import dev.berth.docker.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure rules for turning what was observed of a step into the next state of its attempt and job,
 * with the events that tell it. Steps run one after another: the next starts when one exited 0 (or
 * failed with {@code continueOnError}); the first other failure ends the attempt and skips the rest.
 */
public final class Transitions {
    private Transitions() {
    }

    /** Empty when the observation says nothing the record does not already say. */
    public static Optional<StatusChange> observed(Job job, int stepIndex, Observation seen, Instant now,
                                                  Lifecycle lifecycle) {
        Step current = job.attempt().step(stepIndex);
        // What a look does not show (a task that has not started yet has no container) keeps its
        // earlier value rather than being wiped.
        Step next = current.withPhase(seen.phase(), seen.reason(), seen.message())
                .withIds(firstNonNull(seen.containerId(), current.containerId()),
                        firstNonNull(seen.serviceId(), current.serviceId()),
                        firstNonNull(seen.taskId(), current.taskId()), firstNonNull(seen.nodeId(), current.nodeId()))
                .withNodeHostname(firstNonNull(seen.nodeHostname(), current.nodeHostname()))
                .withRun(seen.exitCode(), firstNonNull(seen.startedAt(), current.startedAt()), seen.finishedAt());
        if (next.equals(current)) {
            return Optional.empty();
        }
        if (next.isTerminal()) {
            return Optional.of(stepEnded(job, next, now, lifecycle));
        }
        return Optional.of(stepProgressed(job, next, now));
    }

    /** The job is launching attempt n+1; a job already launching (its create to be retried) stays as it is. */
    public static StatusChange launching(Job job, Backend backend, String objectName, Instant now) {
        String message = "creating " + objectName;
        JobStatus next = job.status().withNewAttempt(job.generation(), message);
        Attempt attempt = Attempt.launching(next.attempts(), backend, job.spec().stepNames(), message);
        return new StatusChange(next, attempt, List.of(new JobEvent(now, EventType.Normal, Phase.Launching,
                Reason.Launched, message, next.attempts())));
    }

    /** The engine accepted a step's create: remember its object so that its loss can be told apart. */
    public static StatusChange created(Job job, int stepIndex, String objectId, String message) {
        Attempt attempt = job.attempt();
        boolean service = attempt.backend() == Backend.SERVICE;
        Step step = attempt.step(stepIndex).withPhase(Phase.Launching, Reason.Launched, message)
                .withIds(service ? null : objectId, service ? objectId : null, null, null);
        Attempt next = attempt.withStep(step);
        JobStatus status = job.status();
        if (status.phase() == Phase.Launching) {
            next = next.withPhase(Phase.Launching, Reason.Launched, message);
            status = status.withPhase(Phase.Launching, Reason.Launched, message);
        }
        return new StatusChange(status, next, List.of());
    }

    /** A step ended without an exit of its own (refused, lost, unresolvable). */
    public static StatusChange stepFailed(Job job, int stepIndex, Reason reason, String message, Instant now,
                                          Lifecycle lifecycle) {
        Step step = job.attempt().step(stepIndex);
        Step failed = step.withPhase(Phase.Failed, reason, message).withRun(step.exitCode(), step.startedAt(), now);
        return stepEnded(job, failed, now, lifecycle);
    }

    /** A step's task was lost with its node: the attempt is Lost (NodeLost), whatever its later steps. */
    public static StatusChange stepLost(Job job, int stepIndex, String message, Instant now, Lifecycle lifecycle) {
        Step step = job.attempt().step(stepIndex);
        Step lost = step.withPhase(Phase.Lost, Reason.NodeLost, message).withRun(null, step.startedAt(), now);
        return stepEnded(job, lost, now, lifecycle);
    }

    public static StatusChange heldPending(Job job, Reason reason, String message, Instant now) {
        JobStatus next = job.status().withPhase(Phase.Pending, reason, message);
        return new StatusChange(next, null, List.of(new JobEvent(now, EventType.Warning, Phase.Pending, reason,
                message, job.currentAttempt())));
    }

    /** A step is on its way or running: the attempt and the job run once their first step does. */
    private static StatusChange stepProgressed(Job job, Step step, Instant now) {
        boolean wasRunning = job.attempt().step(step.index()).phase() == Phase.Running;
        Attempt attempt = job.attempt().withStep(step);
        JobStatus status = job.status();
        List<JobEvent> events = new ArrayList<>();
        String message = describe(job, step, step.message());
        if (step.phase() == Phase.Running) {
            attempt = attempt.withStart(step.startedAt(), step.nodeId(), step.nodeHostname())
                    .withPhase(Phase.Running, Reason.Started,
                    message);
            Instant at = Objects.requireNonNullElse(step.startedAt(), now);
            // One event when the job starts running, and one when each later step does: not one
            // for every detail of a running step that changes (a task's start time, say).
            if (status.phase() != Phase.Running || (isMultiStep(job) && !wasRunning)) {
                events.add(new JobEvent(at, EventType.Normal, Phase.Running, Reason.Started, message, attempt.number()));
            }
            status = status.withStart(step.startedAt()).withPhase(Phase.Running, Reason.Started, message);
        } else if (status.phase() == Phase.Launching || status.phase() == Phase.Pending) {
            // Before the attempt runs it goes as its first step does: Pending while no node can take it.
            attempt = attempt.withPhase(step.phase(), step.reason(), message);
            status = status.withPhase(step.phase(), step.reason(), message);
        }
        boolean newlyUnschedulable = step.reason() == Reason.Unschedulable
                && job.attempt().step(step.index()).reason() != Reason.Unschedulable;
        if (newlyUnschedulable) {
            events.add(new JobEvent(now, EventType.Warning, Phase.Pending, Reason.Unschedulable, message,
                    attempt.number()));
        }
        return new StatusChange(status, attempt, events);
    }

    /** {@code step} has just ended: the next step runs, or the attempt ends here. */
    static StatusChange stepEnded(Job job, Step step, Instant now, Lifecycle lifecycle) {
        Attempt attempt = job.attempt().withStep(step);
        JobStatus status = job.status();
        List<JobEvent> events = new ArrayList<>();
        if (status.phase() == Phase.Launching && step.startedAt() != null) {
            // Finished between two looks: its history still shows that it ran.
            events.add(new JobEvent(step.startedAt(), EventType.Normal, Phase.Running, Reason.Started,
                    describe(job, step, "running"), attempt.number()));
        }
        // The node is known even of a task that ended between two looks on a worker, whose start is not.
        attempt = attempt.withStart(step.startedAt(), step.nodeId(), step.nodeHostname());
        if (step.startedAt() != null) {
            status = status.withStart(step.startedAt());
        }
        String message = describe(job, step, step.message());
        boolean more = step.index() + 1 < attempt.steps().size();
        // A lost step ends its attempt even with continueOnError: its node (and the volumes) went with it.
        boolean goOn = step.phase() == Phase.Succeeded || (step.phase() != Phase.Lost && continuesOnError(job, step));
        Instant finishedAt = Objects.requireNonNullElse(step.finishedAt(), now);
        if (more && goOn && job.spec().desired() != Desired.Cancel) {
            EventType type = step.phase() == Phase.Succeeded ? EventType.Normal : EventType.Warning;
            events.add(new JobEvent(finishedAt, type, Phase.Running, step.reason(), message, attempt.number()));
            attempt = attempt.withPhase(Phase.Running, Reason.Started, message);
            status = status.withPhase(Phase.Running, Reason.Started, message);
            return new StatusChange(status, attempt, events);
        }
        Attempt ended = more && goOn
                ? attempt.withPhase(Phase.Cancelled, Reason.Cancelled, "cancelled on request")
                        .withEnd(step.exitCode(), finishedAt).withRestSkipped(Reason.Cancelled, "cancelled on request")
                : endOf(job, attempt, finishedAt);
        StatusChange ending = AttemptEnding.apply(job.withStatus(status), ended, now, lifecycle);
        events.addAll(ending.events());
        return new StatusChange(ending.status(), ending.attempt(), events);
    }

    /**
     * The attempt's result once no further step runs: the first failure that counts (a step without
     * continueOnError), its exit code and reason, naming the step; else success with exit code 0.
     */
    private static Attempt endOf(Job job, Attempt attempt, Instant finishedAt) {
        Optional<Step> failing = attempt.steps().stream()
                .filter(s -> s.isTerminal() && s.phase() != Phase.Succeeded && s.phase() != Phase.Skipped
                        && (s.phase() == Phase.Lost || !continuesOnError(job, s)))
                .findFirst();
        if (failing.isPresent()) {
            Step step = failing.get();
            String why = "step " + step.name() + " failed";
            return attempt.withPhase(step.phase(), step.reason(), describe(job, step, step.message()))
                    .withEnd(step.exitCode(), finishedAt).withRestSkipped(Reason.StepFailed, why);
        }
        Step last = attempt.steps().get(attempt.steps().size() - 1);
        return attempt.withPhase(Phase.Succeeded, Reason.Completed, describe(job, last, last.message()))
                .withEnd(0, finishedAt);
    }

    private static boolean continuesOnError(Job job, Step step) {
        return job.spec().stepSpecs().get(step.index()).continuesOnError();
    }

    private static boolean isMultiStep(Job job) {
        return job.spec().stepSpecs().size() > 1;
    }

    /** A step's message, naming the step when the job has several. */
    static String describe(Job job, Step step, String message) {
        return isMultiStep(job) ? "step " + step.name() + ": " + message : message;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
