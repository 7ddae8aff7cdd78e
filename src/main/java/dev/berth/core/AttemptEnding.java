package dev.berth.core;

import dev.berth.core.JobEvent.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Pure rules for what follows the end of an attempt: a retry after back-off, or the job's final
 * status (cancelled if the user asked, BackoffLimitExceeded once retries run out), and the record's
 * expiry.
 */
public final class AttemptEnding {
    /** Failures of the run itself; a refused create or an unresolvable command would only fail again. */
    private static final Set<Reason> RETRYABLE = Set.of(Reason.NonZeroExit, Reason.OOMKilled, Reason.StartFailed,
            Reason.Lost, Reason.Rejected);

    private AttemptEnding() {
    }

    /** {@code ended} is the job's live attempt as it ended: phase, reason, exit code and steps final. */
    public static StatusChange apply(Job job, Attempt ended, Instant now, Lifecycle lifecycle) {
        Policy policy = job.spec().policy();
        JobStatus status = job.status().withStart(ended.startedAt());
        if (job.spec().desired() == Desired.Cancel && ended.phase() != Phase.Cancelled) {
            String exit = ended.exitCode() == null ? "" : " (exited with code " + ended.exitCode() + ")";
            return finish(job, ended, status.withPhase(Phase.Cancelled, Reason.Cancelled, "cancelled on request" + exit),
                    now, lifecycle);
        }
        if (ended.phase() == Phase.Lost) {
            return lostWithItsNode(job, ended, status, now, lifecycle);
        }
        int failures = status.failedOnTheirOwn(ended.number());
        if (ended.phase() == Phase.Failed && isRetryable(policy, ended) && failures <= policy.retries()) {
            Instant retryAt = now.plus(lifecycle.backoffAfter(failures));
            String message = "attempt " + ended.number() + " failed (" + ended.message() + "); attempt "
                    + (ended.number() + 1) + " at " + retryAt;
            JobStatus waiting = status.withPhase(Phase.Pending, Reason.BackOff, message)
                    .withEnd(ended.exitCode(), null).withRetryAt(retryAt);
            return new StatusChange(waiting, ended, List.of(new JobEvent(now, EventType.Warning, Phase.Pending,
                    Reason.BackOff, message, ended.number())));
        }
        if (ended.phase() == Phase.Failed && policy.retries() > 0 && isRetryable(policy, ended)) {
            return finish(job, ended, status.withPhase(Phase.Failed, Reason.BackoffLimitExceeded, "attempt "
                    + ended.number() + " failed (" + ended.message() + "); backoffLimit " + policy.retries()
                    + " reached"), now, lifecycle);
        }
        return finish(job, ended, status.withPhase(ended.phase(), ended.reason(), ended.message()), now, lifecycle);
    }

    /**
     * An attempt lost with its node did not fail by itself: the job runs again at once, without
     * using its backoffLimit, until it has lost {@code maxNodeLossRestarts} nodes; the next loss fails it.
     */
    private static StatusChange lostWithItsNode(Job job, Attempt ended, JobStatus status, Instant now,
                                                Lifecycle lifecycle) {
        int losses = status.nodeLosses() + 1;
        if (losses > lifecycle.maxNodeLossRestarts()) {
            return finish(job, ended, status.withNodeLoss().withPhase(Phase.Failed, ended.reason(), "attempt "
                    + ended.number() + " was lost (" + ended.message() + "); the job lost its node " + losses
                    + " times, reconciler.maxNodeLossRestarts is " + lifecycle.maxNodeLossRestarts()), now, lifecycle);
        }
        String message = "attempt " + ended.number() + " was lost (" + ended.message() + "); attempt "
                + (ended.number() + 1) + " launches now (node loss " + losses + " of at most "
                + lifecycle.maxNodeLossRestarts() + ")";
        JobStatus again = status.withNodeLoss().withPhase(Phase.Pending, ended.reason(), message)
                .withEnd(ended.exitCode(), null).withRetryAt(null);
        return new StatusChange(again, ended, List.of(new JobEvent(now, EventType.Warning, Phase.Pending,
                ended.reason(), message, ended.number())));
    }

    /**
     * The job ends while no attempt runs: its next one could not be launched (its command no longer
     * resolves), or it was cancelled or passed its deadline while backing off. There is no attempt
     * to end, only the job.
     */
    public static StatusChange withoutAttempt(Job job, Phase phase, Reason reason, String message, Instant now,
                                              Lifecycle lifecycle) {
        JobStatus ended = job.status().withPhase(phase, reason, message).withRetryAt(null)
                .withEnd(job.status().exitCode(), now).withExpiresAt(expiry(job, now, lifecycle));
        EventType type = phase == Phase.Cancelled ? EventType.Normal : EventType.Warning;
        return new StatusChange(ended, null, List.of(new JobEvent(now, type, phase, reason, message,
                job.currentAttempt())));
    }

    /** When a finished job's record goes: its policy's TTL, else the server's default, else never. */
    public static Instant expiry(Job job, Instant finishedAt, Lifecycle lifecycle) {
        Long ttl = job.spec().policy().ttlSecondsAfterFinished();
        Duration keep = ttl != null ? Duration.ofSeconds(ttl) : lifecycle.defaultTtl();
        return keep == null ? null : finishedAt.plus(keep);
    }

    private static boolean isRetryable(Policy policy, Attempt ended) {
        if (!RETRYABLE.contains(ended.reason())) {
            return false;
        }
        return policy.retryOnExitCodes() == null
                || (ended.exitCode() != null && policy.retryOnExitCodes().contains(ended.exitCode()));
    }

    private static StatusChange finish(Job job, Attempt ended, JobStatus last, Instant now, Lifecycle lifecycle) {
        Instant finishedAt = ended.finishedAt() != null ? ended.finishedAt() : now;
        JobStatus done = last.withEnd(ended.exitCode(), finishedAt).withRetryAt(null)
                .withExpiresAt(expiry(job, finishedAt, lifecycle));
        EventType type = done.phase() == Phase.Succeeded || done.phase() == Phase.Cancelled
                ? EventType.Normal : EventType.Warning;
        return new StatusChange(done, ended, List.of(new JobEvent(finishedAt, type, done.phase(), done.reason(),
                done.message(), ended.number())));
    }
}
