package dev.berth.core;

import dev.berth.core.JobEvent.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Pure rules for what follows the end of an attempt: a retry after back-off, or the job's final
 * status (cancelled if the user asked, BackoffLimitExceeded once retries run out), with the attempt
 * kept in the history and the record's expiry set.
 */
public final class AttemptEnding {
    /** Failures of the run itself; a refused create or an unresolvable command would only fail again. */
    private static final Set<Reason> RETRYABLE = Set.of(Reason.NonZeroExit, Reason.OOMKilled, Reason.StartFailed,
            Reason.Lost, Reason.Rejected);

    private AttemptEnding() {
    }

    /** {@code ended} is the attempt's own terminal status, as observed. */
    public static StatusChange apply(Job job, JobStatus ended, Instant now, Lifecycle lifecycle) {
        Policy policy = job.spec().policy();
        if (job.spec().desired() == Desired.Cancel && ended.phase() != Phase.Cancelled) {
            String exit = ended.exitCode() == null ? "" : " (exited with code " + ended.exitCode() + ")";
            return finish(job, ended, ended.withPhase(Phase.Cancelled, Reason.Cancelled, "cancelled on request" + exit),
                    now, lifecycle);
        }
        if (ended.phase() == Phase.Failed && isRetryable(policy, ended) && ended.attempts() <= policy.retries()) {
            Instant retryAt = now.plus(lifecycle.backoffAfter(ended.attempts()));
            String message = "attempt " + ended.attempts() + " failed (" + ended.message() + "); attempt "
                    + (ended.attempts() + 1) + " at " + retryAt;
            JobStatus waiting = ended.withPhase(Phase.Pending, Reason.BackOff, message)
                    .withAttemptEnded(ended.asAttempt(), retryAt, null);
            return new StatusChange(waiting, List.of(new JobEvent(now, EventType.Warning, Phase.Pending, Reason.BackOff,
                    message, ended.attempts())));
        }
        if (ended.phase() == Phase.Failed && policy.retries() > 0 && isRetryable(policy, ended)) {
            return finish(job, ended, ended.withPhase(Phase.Failed, Reason.BackoffLimitExceeded, "attempt "
                    + ended.attempts() + " failed (" + ended.message() + "); backoffLimit " + policy.retries()
                    + " reached"), now, lifecycle);
        }
        return finish(job, ended, ended, now, lifecycle);
    }

    /** When a finished job's record goes: its policy's TTL, else the server's default, else never. */
    public static Instant expiry(Job job, Instant finishedAt, Lifecycle lifecycle) {
        Long ttl = job.spec().policy().ttlSecondsAfterFinished();
        Duration keep = ttl != null ? Duration.ofSeconds(ttl) : lifecycle.defaultTtl();
        return keep == null ? null : finishedAt.plus(keep);
    }

    private static boolean isRetryable(Policy policy, JobStatus ended) {
        if (!RETRYABLE.contains(ended.reason())) {
            return false;
        }
        return policy.retryOnExitCodes() == null
                || (ended.exitCode() != null && policy.retryOnExitCodes().contains(ended.exitCode()));
    }

    private static StatusChange finish(Job job, JobStatus attempt, JobStatus last, Instant now, Lifecycle lifecycle) {
        Instant finishedAt = last.finishedAt() != null ? last.finishedAt() : now;
        JobStatus done = attempt.attempts() == 0
                ? last.withExpiresAt(expiry(job, finishedAt, lifecycle)) // never launched: no attempt to record
                : last.withAttemptEnded(attempt.asAttempt(), null, expiry(job, finishedAt, lifecycle));
        EventType type = done.phase() == Phase.Succeeded || done.phase() == Phase.Cancelled
                ? EventType.Normal : EventType.Warning;
        return new StatusChange(done, List.of(new JobEvent(finishedAt, type, done.phase(), done.reason(),
                done.message(), done.attempts())));
    }
}
