package dev.berth.reconcile;

import dev.berth.db.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the finished jobs whose retention ran out, at most once every {@link #INTERVAL}: a record
 * kept a few seconds beyond its {@code expiresAt} costs nothing, while a delete in every pass is a
 * write transaction per pass, several per job in a burst.
 */
final class RetentionSweep {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final JobStore store;
    private final Clock clock;
    private Instant next = Instant.MIN;

    RetentionSweep(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return;
        }
        next = now.plus(INTERVAL);
        int expired = store.deleteExpired(now.toEpochMilli());
        if (expired > 0) {
            LOG.info("deleted {} finished jobs whose retention ran out", expired);
        }
    }
}
