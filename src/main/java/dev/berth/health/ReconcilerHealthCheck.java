package dev.berth.health;

import com.codahale.metrics.health.HealthCheck;
import dev.berth.reconcile.ReconcileLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Red when no pass has completed for several intervals: the loop is stuck or keeps failing. A
 * process that does not lead passes not at all, and is well (the lease check says who leads).
 */
public class ReconcilerHealthCheck extends HealthCheck {
    private static final Duration SLACK = Duration.ofSeconds(60);

    private final ReconcileLoop loop;
    private final Clock clock;

    public ReconcilerHealthCheck(ReconcileLoop loop, Clock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        if (loop.following()) {
            return Result.healthy("another process leads: this one does not reconcile");
        }
        Instant last = loop.lastPassCompleted();
        if (last == null) {
            return Result.unhealthy("no reconcile pass has completed yet");
        }
        Duration age = Duration.between(last, clock.instant());
        Duration limit = loop.interval().multipliedBy(5).plus(SLACK);
        String message = "last successful pass " + age.toMillis() + " ms ago";
        return age.compareTo(limit) > 0 ? Result.unhealthy(message + " (limit " + limit.toMillis() + " ms)")
                : Result.healthy(message);
    }
}
