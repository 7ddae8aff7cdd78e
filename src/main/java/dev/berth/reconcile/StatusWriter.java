package dev.berth.reconcile;

import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.SensitiveValues;
import dev.berth.core.StatusChange;
import dev.berth.db.JobStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the reconciler's changes to a job, each conditional on the version it was based on. */
final class StatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final JobStore store;
    private final Clock clock;

    StatusWriter(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Writes a change unless the record moved on meanwhile; returns the job as written. */
    Optional<Job> write(Job job, StatusChange change, ResolvedSpec resolved, CapturedLog logs) {
        Job updated = job.withStatus(change.status());
        if (!store.recordStatus(job, updated, resolved, change.events(), logs, clock.millis())) {
            LOG.info("job {} changed while reconciling; the next pass looks again", job.id());
            return Optional.empty();
        }
        if (!change.events().isEmpty()) {
            var last = change.events().get(change.events().size() - 1);
            // The server's log is a way out too: the message goes there masked, as in the API.
            LOG.info("job {} attempt {}: {} ({}) {}", job.id(), last.attempt(), last.phase(), last.reason(),
                    SensitiveValues.of(job.spec()).mask(last.message()));
        }
        return Optional.of(updated.withVersion(job.version() + 1));
    }
}
