package dev.berth.core;

import java.time.Duration;

/**
 * The server's lifecycle settings: retry back-off (doubling from {@code initialBackoff}, capped at
 * {@code maxBackoff}), the retention of finished jobs when their policy names none (null: kept
 * forever), how long a stopped container gets to exit before it is killed, and how many attempts
 * of a job may be lost with their node before the job fails.
 */
public record Lifecycle(Duration initialBackoff, Duration maxBackoff, Duration defaultTtl, Duration stopTimeout,
                        int maxNodeLossRestarts) {

    public static final int DEFAULT_MAX_NODE_LOSS_RESTARTS = 3;

    public static final Lifecycle DEFAULTS = new Lifecycle(Duration.ofSeconds(10), Duration.ofMinutes(6), null,
            Duration.ofSeconds(10));

    public Lifecycle(Duration initialBackoff, Duration maxBackoff, Duration defaultTtl, Duration stopTimeout) {
        this(initialBackoff, maxBackoff, defaultTtl, stopTimeout, DEFAULT_MAX_NODE_LOSS_RESTARTS);
    }

    /** The wait before attempt {@code failedAttempt + 1}: 10 s, 20 s, 40 s, ... up to the cap. */
    public Duration backoffAfter(int failedAttempt) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failedAttempt && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
