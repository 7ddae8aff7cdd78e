package dev.berth.jobs;

import dev.berth.core.AttemptEnding;
import dev.berth.core.Desired;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobEvent.EventType;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.Lifecycle;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.db.JobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What users may do to an accepted job: cancel it (a pending job is cancelled at once, a launched
 * one is stopped by the reconciler) and delete a finished one. Writes are conditional on the row's
 * version, retried on a race, and never touch a terminal status.
 */
public class JobControl {
    private static final int ATTEMPTS = 5;

    private final JobStore store;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final Runnable wakeReconciler;

    public JobControl(JobStore store, Lifecycle lifecycle, Clock clock, Runnable wakeReconciler) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.wakeReconciler = wakeReconciler;
    }

    /** The job after {@code by}'s request (null: nobody named); empty if there is no such job. */
    public Optional<Job> cancel(String id, String by) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<Job> found = store.find(id);
            if (found.isEmpty()) {
                return found;
            }
            Job job = found.get();
            if (job.isTerminal()) {
                throw new JobStateConflictException("job " + id + " is already " + job.status().phase()
                        + ": only a live job can be cancelled");
            }
            if (job.spec().desired() == Desired.Cancel) {
                return found;
            }
            Job cancelled = requestCancel(job);
            if (store.recordSpec(job, cancelled, List.of(event(cancelled, by)))) {
                wakeReconciler.run();
                return store.find(id);
            }
        }
        throw new JobStateConflictException("job " + id + " kept changing; try again");
    }

    /**
     * Moves a job that waits to launch to another queue or priority; the job after it, empty if
     * there is no such job. A launched or finished job keeps its queue (409).
     */
    public Optional<Job> requeue(String id, UnaryOperator<JobSpec> change) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<Job> found = store.find(id);
            if (found.isEmpty()) {
                return found;
            }
            Job job = found.get();
            if (!job.awaitsLaunch() || job.spec().desired() == Desired.Cancel) {
                throw new JobStateConflictException("job " + id + " is " + job.status().phase()
                        + ": only a job that waits to launch can change its queue or priority");
            }
            JobSpec moved = change.apply(job.spec());
            Job updated = job.withSpec(moved);
            JobEvent event = new JobEvent(clock.instant(), EventType.Normal, job.status().phase(), Reason.Queued,
                    "moved to queue " + moved.queue() + " at priority " + moved.priority(), job.currentAttempt());
            if (store.recordSpec(job, updated, List.of(event))) {
                wakeReconciler.run();
                return store.find(id);
            }
        }
        throw new JobStateConflictException("job " + id + " kept changing; try again");
    }

    /** Deletes a finished job with its events and logs; a live one must be cancelled first. */
    public boolean delete(String id) {
        Optional<Job> found = store.find(id);
        if (found.isEmpty()) {
            return false;
        }
        if (!found.get().isTerminal()) {
            throw new JobStateConflictException("job " + id + " is " + found.get().status().phase()
                    + ": cancel it first (POST /api/v1/jobs/" + id + "/cancel)");
        }
        return store.delete(id);
    }

    /**
     * A job that launched nothing has nothing to stop: it is cancelled here and now. One whose
     * service waits for a node (Pending, Unschedulable) has: the reconciler removes it.
     */
    private Job requestCancel(Job job) {
        Job requested = job.withDesired(Desired.Cancel);
        if (!job.awaitsLaunch()) {
            return requested;
        }
        Instant now = clock.instant();
        JobStatus status = job.status().withPhase(Phase.Cancelled, Reason.Cancelled, "cancelled before launch")
                .withRetryAt(null).withEnd(job.status().exitCode(), now);
        return requested.withStatus(status.withExpiresAt(AttemptEnding.expiry(requested, now, lifecycle)));
    }

    private JobEvent event(Job job, String by) {
        boolean done = job.status().phase() == Phase.Cancelled;
        String message = (done ? job.status().message() : "cancel requested: stopping the running attempt")
                + (by == null ? "" : " (by " + by + ")");
        return new JobEvent(clock.instant(), EventType.Normal, job.status().phase(), Reason.Cancelled, message,
                job.currentAttempt());
    }
}
