package dev.berth.health;

import com.codahale.metrics.health.HealthCheck;
import dev.berth.reconcile.Leadership;

/** Whether this process can reach the reconciler's lease, and whether it or another holds it. */
public class LeaseHealthCheck extends HealthCheck {
    private final Leadership leadership;

    public LeaseHealthCheck(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    protected Result check() {
        String unreachable = leadership.unreachable();
        if (unreachable != null) {
            return Result.unhealthy("cannot reach the reconciler's lease in the database: " + unreachable);
        }
        var held = leadership.held();
        if (held != null && leadership.leads()) {
            return Result.healthy(leadership.member() + " leads the reconciler (lease epoch " + held.epoch() + ")");
        }
        return leadership.current()
                .map(row -> Result.healthy(leadership.member() + " follows: " + row.member() + " holds the lease"
                        + " (epoch " + row.epoch() + ")"))
                .orElseGet(() -> Result.healthy(leadership.member() + " follows: nobody holds the lease yet"));
    }
}
