package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The job-level summary of what was observed: written only by the reconciler (and by a cancel of a
 * job not yet launched). Everything about one run lives on its {@link Attempt}. {@code startedAt}
 * is the first start of any attempt (the deadline counts from it), {@code exitCode} the latest
 * attempt's, {@code attempts} how many attempts were launched.
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
        Instant expiresAt) {

    public static JobStatus submitted(Instant now) {
        return new JobStatus(Phase.Pending, Reason.Submitted, "waiting to be launched", null, 0, now, null, null, 0,
                null, null);
    }

    public JobStatus withPhase(Phase newPhase, Reason newReason, String newMessage) {
        return new JobStatus(newPhase, newReason, newMessage, exitCode, attempts, createdAt, startedAt, finishedAt,
                observedGeneration, nextAttemptAt, expiresAt);
    }

    /** Attempt n+1 is launching: the previous one's exit code and retry time no longer apply. */
    public JobStatus withNewAttempt(long generation, String newMessage) {
        return new JobStatus(Phase.Launching, Reason.Launched, newMessage, null, attempts + 1, createdAt, startedAt,
                null, generation, null, null);
    }

    /** The first start of any attempt is kept. */
    public JobStatus withStart(Instant start) {
        return new JobStatus(phase, reason, message, exitCode, attempts, createdAt,
                startedAt != null ? startedAt : start, finishedAt, observedGeneration, nextAttemptAt, expiresAt);
    }

    public JobStatus withEnd(Integer newExitCode, Instant newFinishedAt) {
        return new JobStatus(phase, reason, message, newExitCode, attempts, createdAt, startedAt, newFinishedAt,
                observedGeneration, nextAttemptAt, expiresAt);
    }

    public JobStatus withRetryAt(Instant retryAt) {
        return new JobStatus(phase, reason, message, exitCode, attempts, createdAt, startedAt, finishedAt,
                observedGeneration, retryAt, expiresAt);
    }

    public JobStatus withExpiresAt(Instant newExpiresAt) {
        return new JobStatus(phase, reason, message, exitCode, attempts, createdAt, startedAt, finishedAt,
                observedGeneration, nextAttemptAt, newExpiresAt);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return phase.isTerminal();
    }
}
