package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The job-level summary of what was observed: written only by the reconciler (and by a cancel of a
 * job not yet launched). Everything about one run lives on its {@link Attempt}. {@code startedAt}
 * is the first start of any attempt (the deadline counts from it), {@code exitCode} the latest
 * attempt's, {@code attempts} how many attempts were launched, {@code nodeLosses} how many of them
 * were lost with their node (they do not count against the policy's backoffLimit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(
        Phase phase,
        Reason reason,
        String message,
        Integer exitCode,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long observedGeneration,
        Instant nextAttemptAt,
        Instant expiresAt,
        int nodeLosses) {

    /** What a job that waits in its queue for room says. */
    public static final String QUEUED_MESSAGE = "waiting in its queue to be launched";

    public static JobStatus submitted(Instant now) {
        return new JobStatus(Phase.Pending, Reason.Queued, QUEUED_MESSAGE, null, 0, now, null,
                null, 0, null, null, 0);
    }

    /** A status of a job that never lost a node. */
    public JobStatus(Phase phase, Reason reason, String message, Integer exitCode, int attempts, Instant createdAt,
                     Instant startedAt, Instant finishedAt, long observedGeneration, Instant nextAttemptAt,
                     Instant expiresAt) {
        this(phase, reason, message, exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration,
                nextAttemptAt, expiresAt, 0);
    }

    /** One more attempt was lost with its node. */
    public JobStatus withNodeLoss() {
        return new JobStatus(phase, reason, message, exitCode, attempts, createdAt, startedAt, finishedAt,
                observedGeneration, nextAttemptAt, expiresAt, nodeLosses + 1);
    }

    /** Attempts that failed on their own: those lost with their node do not count against backoffLimit. */
    @JsonIgnore
    public int failedOnTheirOwn(int attempt) {
        return attempt - nodeLosses;
    }

    public JobStatus withPhase(Phase newPhase, Reason newReason, String newMessage) {
        return new JobStatus(newPhase, newReason, newMessage, exitCode, attempts, createdAt, startedAt, finishedAt,
                observedGeneration, nextAttemptAt, expiresAt, nodeLosses);
    }

    /** Attempt n+1 is launching: the previous one's exit code and retry time no longer apply. */
    public JobStatus withNewAttempt(long generation, String newMessage) {
        return new JobStatus(Phase.Launching, Reason.Launched, newMessage, null, attempts + 1, createdAt, startedAt,
                null, generation, null, null, nodeLosses);
    }

    /** The first start of any attempt is kept. */
    public JobStatus withStart(Instant start) {
        return new JobStatus(phase, reason, message, exitCode, attempts, createdAt,
                startedAt != null ? startedAt : start, finishedAt, observedGeneration, nextAttemptAt, expiresAt,
                nodeLosses);
    }

    public JobStatus withEnd(Integer newExitCode, Instant newFinishedAt) {
        return new JobStatus(phase, reason, message, newExitCode, attempts, createdAt, startedAt, newFinishedAt,
                observedGeneration, nextAttemptAt, expiresAt, nodeLosses);
    }

    public JobStatus withRetryAt(Instant retryAt) {
        return new JobStatus(phase, reason, message, exitCode, attempts, createdAt, startedAt, finishedAt,
                observedGeneration, retryAt, expiresAt, nodeLosses);
    }

    public JobStatus withExpiresAt(Instant newExpiresAt) {
        return new JobStatus(phase, reason, message, exitCode, attempts, createdAt, startedAt, finishedAt,
                observedGeneration, nextAttemptAt, newExpiresAt, nodeLosses);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return phase.isTerminal();
    }
}
