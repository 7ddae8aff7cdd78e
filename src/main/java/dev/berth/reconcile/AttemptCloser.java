package dev.berth.reconcile;

import dev.berth.core.Attempt;
import dev.berth.core.AttemptEnding;
import dev.berth.core.Backend;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.StatusChange;
import dev.berth.core.Step;
import dev.berth.core.StepOutput;
import dev.berth.db.JobStore;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.EngineErrorException;
import dev.berth.docker.Observation;
import dev.berth.docker.Workload;
import dev.berth.docker.WorkloadState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Closes a step that has ended, or an attempt that is to be ended: keeps the step's output, writes
 * the job's status, and only then removes its object (and, once the attempt is over, its volumes),
 * so that a crash in between loses nothing.
 */
final class AttemptCloser {
    private static final StepOutput LOST_OUTPUT = new StepOutput(CapturedLog.EMPTY, new CapturedLog(
            "[berth: this step's node was lost; its output could not be read from it]\n", 0));

    private final StatusWriter writer;
    private final ReconcilerSettings settings;
    private final Clock clock;

    private final VolumeSweep volumes;
    private final Executor outputReads;

    AttemptCloser(StatusWriter writer, ReconcilerSettings settings, Clock clock, VolumeSweep volumes,
                  Executor outputReads) {
        this.writer = writer;
        this.outputReads = outputReads;
        this.volumes = volumes;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts reading a step's output for {@link #finished}, on the executor of such reads. */
    CompletableFuture<StepOutput> readOutput(DockerGateway docker, Workload workload) {
        return CompletableFuture.supplyAsync(() -> captureLogs(docker, workload), outputReads);
    }

    /**
     * The step finished by itself; {@code change} says what follows (the next step, done, or a
     * retry). Its output is what {@code output} read, when such a read was started; else it is read now.
     */
    boolean finished(DockerGateway docker, Job job, int step, Workload workload, StatusChange change,
                     CompletableFuture<StepOutput> output) {
        StepOutput read = output == null ? captureLogs(docker, workload) : joined(output);
        var captured = new JobStore.Captured(step, read);
        boolean written = writer.write(job, change, null, captured).isPresent();
        if (written && settings.autoCleanup()) {
            docker.remove(workload);
            if (change.attempt().isTerminal()) {
                volumes.removeNow(docker, job, change.attempt().number());
            }
        }
        return written;
    }

    /**
     * The step's task was lost with its node: its output cannot be read any more (the node that
     * holds it is gone), so none is kept but a note saying so; the service is removed, so that a
     * node that comes back drops the task's late container instead of running it on.
     */
    void lost(DockerGateway docker, Job job, int step, Workload workload, StatusChange change) {
        boolean written = writer.write(job, change, null, new JobStore.Captured(step, LOST_OUTPUT)).isPresent();
        if (written) {
            docker.remove(workload);
        }
    }

    /**
     * Stops the running step (a container gets docker.stopTimeout to exit before it is killed; a
     * service is stopped by its removal), skips the steps after it and ends the job: Cancelled, or
     * Failed with DeadlineExceeded. Neither is retried.
     */
    void stop(DockerGateway docker, Action.Stop stop) {
        Job job = stop.job();
        Workload workload = stop.workload();
        Instant now = clock.instant();
        boolean cancel = stop.cause() == Action.StopCause.CANCEL;
        Reason reason = switch (stop.cause()) {
            case CANCEL -> Reason.Cancelled;
            case DEADLINE -> Reason.DeadlineExceeded;
            case SCHEDULE_TIMEOUT -> Reason.Unschedulable;
        };
        Optional<Attempt> live = job.liveAttempt();
        if (live.isEmpty()) {
            endWithoutAttempt(job, cancel, now);
            return;
        }
        Attempt attempt = live.get();
        Step step = attempt.currentStep().orElse(attempt.step(attempt.steps().size() - 1));
        Integer exitCode = step.exitCode();
        StepOutput output = null;
        if (workload != null && workload.state() == WorkloadState.STRANDED) {
            output = LOST_OUTPUT; // its node may be gone with the output: asking would wait for it
        } else if (workload != null) {
            docker.stop(workload, settings.lifecycle().stopTimeout());
            exitCode = docker.observe(workload).filter(Observation::isTerminal).map(Observation::exitCode)
                    .orElse(exitCode);
            output = captureLogs(docker, workload);
        }
        String message = switch (stop.cause()) {
            case CANCEL -> "cancelled on request" + (exitCode == null ? "" : " (exited with code " + exitCode + ")");
            case DEADLINE -> "exceeded policy.activeDeadlineSeconds (" + job.spec().policy().activeDeadlineSeconds()
                    + " s)";
            case SCHEDULE_TIMEOUT -> "no node could take it within policy.scheduleTimeoutSeconds ("
                    + job.spec().policy().scheduleTimeoutSeconds() + " s): " + step.message();
        };
        Phase phase = cancel ? Phase.Cancelled : Phase.Failed;
        boolean launched = workload != null || step.objectId(attempt.backend()) != null;
        Step stopped = (launched ? step.withPhase(phase, reason, message) : step.withPhase(Phase.Skipped, reason, message))
                .withRun(exitCode, step.startedAt(), launched ? now : null);
        Attempt ended = attempt.withStep(stopped).withPhase(phase, reason, Transitions.describe(job, step, message))
                .withEnd(exitCode, now).withRestSkipped(reason, message);
        StatusChange change = AttemptEnding.apply(job, ended, now, settings.lifecycle());
        var captured = output == null ? null : new JobStore.Captured(step.index(), output);
        boolean written = writer.write(job, change, null, captured).isPresent();
        if (written && workload != null && (settings.autoCleanup() || workload.backend() == Backend.SERVICE)) {
            docker.remove(workload);
        }
        if (written && settings.autoCleanup()) {
            volumes.removeNow(docker, job, attempt.number());
        }
    }

    /** A job between attempts (backing off) has nothing running: it simply ends. */
    private void endWithoutAttempt(Job job, boolean cancel, Instant now) {
        String message = cancel ? "cancelled on request"
                : "exceeded policy.activeDeadlineSeconds (" + job.spec().policy().activeDeadlineSeconds() + " s)";
        writer.write(job, AttemptEnding.withoutAttempt(job, cancel ? Phase.Cancelled : Phase.Failed,
                cancel ? Reason.Cancelled : Reason.DeadlineExceeded, message, now, settings.lifecycle()), null, null);
    }

    /** What the read gave, or what it threw: an engine that did not answer is the next pass's to retry. */
    private static StepOutput joined(CompletableFuture<StepOutput> output) {
        try {
            return output.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw e;
        }
    }

    /**
     * A finished job must reach its terminal status even if the engine cannot give its output (a
     * log driver without reads, say); an engine that does not answer at all is retried instead.
     */
    private StepOutput captureLogs(DockerGateway docker, Workload workload) {
        try {
            return docker.logs(workload, settings.maxLogBytes());
        } catch (EngineErrorException e) {
            return new StepOutput(CapturedLog.EMPTY, new CapturedLog(
                    "[berth: the engine could not give this step's logs: " + e.getMessage() + "]\n", 0));
        }
    }
}
