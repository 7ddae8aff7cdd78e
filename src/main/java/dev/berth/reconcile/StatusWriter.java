package dev.berth.reconcile;

import dev.berth.core.Job;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.StatusChange;
import dev.berth.db.JobStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the reconciler's changes to a job, each conditional on the version it was based on, and
 * says each event in the server's log. Messages need no masking here: the engine's words reach the
 * reconciler through the job's masking gateway, and Berth's own words quote no input.
 */
final class StatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final JobStore store;
    private final Clock clock;

    StatusWriter(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Writes a change unless the record moved on meanwhile; returns the job as written. */
    Optional<Job> write(Job job, StatusChange change, ResolvedSpec resolved, JobStore.Captured captured) {
        Job updated = job.with(change);
        if (!store.recordStatus(job, updated, resolved, change.events(), captured, clock.millis())) {
            LOG.info("job {} changed while reconciling; the next pass looks again", job.id());
            return Optional.empty();
        }
        if (!change.events().isEmpty()) {
            var last = change.events().get(change.events().size() - 1);
            LOG.info("job {} attempt {}: {} ({}) {}", job.id(), last.attempt(), last.phase(), last.reason(),
                    last.message());
        }
        return Optional.of(updated.withVersion(job.version() + 1));
    }
}
