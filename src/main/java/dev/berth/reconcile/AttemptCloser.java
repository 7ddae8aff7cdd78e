package dev.berth.reconcile;

import dev.berth.core.AttemptEnding;
import dev.berth.core.Backend;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.StatusChange;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.EngineErrorException;
import dev.berth.docker.Observation;
import dev.berth.docker.Workload;
import java.time.Clock;
import java.time.Instant;

/**
 * Closes an attempt that has ended, or is to be ended: keeps its output, writes the job's status,
 * and only then removes its object, so that a crash in between loses nothing.
 */
final class AttemptCloser {
    private final DockerGateway docker;
    private final StatusWriter writer;
    private final ReconcilerSettings settings;
    private final Clock clock;

    AttemptCloser(DockerGateway docker, StatusWriter writer, ReconcilerSettings settings, Clock clock) {
        this.docker = docker;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
    }

    /** The attempt finished by itself; {@code change} says what follows (done, or a retry). */
    void finished(Job job, Workload workload, StatusChange change) {
        boolean written = writer.write(job, change, null, captureLogs(workload)).isPresent();
        if (written && settings.autoCleanup()) {
            docker.remove(workload);
        }
    }

    /**
     * Stops the attempt (a container gets docker.stopTimeout to exit before it is killed; a service
     * is stopped by its removal) and ends the job: Cancelled, or Failed with DeadlineExceeded.
     * Neither is retried.
     */
    void stop(Action.Stop stop) {
        Job job = stop.job();
        Workload workload = stop.workload();
        Integer exitCode = job.status().exitCode();
        CapturedLog logs = null;
        if (workload != null) {
            docker.stop(workload, settings.lifecycle().stopTimeout());
            exitCode = docker.observe(workload).filter(Observation::isTerminal).map(Observation::exitCode)
                    .orElse(exitCode);
            logs = captureLogs(workload);
        }
        Instant now = clock.instant();
        boolean cancel = stop.cause() == Action.StopCause.CANCEL;
        String message = cancel ? "cancelled on request" + (exitCode == null ? "" : " (exited with code " + exitCode + ")")
                : "exceeded policy.activeDeadlineSeconds (" + job.spec().policy().activeDeadlineSeconds() + " s)";
        var ended = job.status().withPhase(cancel ? Phase.Cancelled : Phase.Failed,
                cancel ? Reason.Cancelled : Reason.DeadlineExceeded, message)
                .withRun(exitCode, job.status().startedAt(), now);
        boolean written = writer.write(job, AttemptEnding.apply(job, ended, now, settings.lifecycle()), null, logs)
                .isPresent();
        if (written && workload != null && (settings.autoCleanup() || workload.backend() == Backend.SERVICE)) {
            docker.remove(workload);
        }
    }

    /**
     * A finished job must reach its terminal status even if the engine cannot give its output (a
     * log driver without reads, say); an engine that does not answer at all is retried instead.
     */
    private CapturedLog captureLogs(Workload workload) {
        try {
            return docker.logs(workload, settings.maxLogBytes());
        } catch (EngineErrorException e) {
            return new CapturedLog("[berth: the engine could not give this job's logs: " + e.getMessage() + "]\n", 0);
        }
    }
}
