package dev.berth.jobs;

import dev.berth.db.JobStore;

/**
 * What one token may submit: at most so many per second, and at most so many jobs of its own not
 * yet finished. Either limit is a {@link TooManyRequestsException} (429 with Retry-After). The
 * count is read at submit: two submissions racing at the limit may both pass.
 */
public class SubmissionGate {
    /** A full quota frees as jobs end: asking again after a few seconds is a fair guess. */
    private static final long QUOTA_RETRY_SECONDS = 10;

    private final SubmissionRate rate;
    private final Integer maxActivePerOwner;
    private final JobStore store;

    public SubmissionGate(SubmissionRate rate, Integer maxActivePerOwner, JobStore store) {
        this.rate = rate;
        this.maxActivePerOwner = maxActivePerOwner;
        this.store = store;
    }

    public void admit(String owner) {
        var wait = rate.secondsToWait(owner);
        if (wait.isPresent()) {
            throw new TooManyRequestsException("token " + owner + " submits faster than quotas.submissionsPerSecond"
                    + " allows: try again in " + wait.getAsLong() + " s", wait.getAsLong());
        }
        if (maxActivePerOwner != null && store.countActive(owner) >= maxActivePerOwner) {
            throw new TooManyRequestsException(owner + " has " + maxActivePerOwner + " jobs not finished, the most"
                    + " quotas.maxActiveJobsPerOwner allows: submit more once some end", QUOTA_RETRY_SECONDS);
        }
    }
}
