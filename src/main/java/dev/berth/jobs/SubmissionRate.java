package dev.berth.jobs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Submissions per token per second, as a token bucket for each token (a burst of one second's
 * worth, then the rate). Kept in this process: behind a load balancer over several instances each
 * admits its own share. Bounded: the buckets of the tokens seen longest ago are forgotten (full).
 */
public final class SubmissionRate {
    private static final int TOKENS_REMEMBERED = 10_000;

    private final double perSecond;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > TOKENS_REMEMBERED;
        }
    };

    /** {@code perSecond} of 0 or less: no limit. */
    public SubmissionRate(double perSecond, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.nanos = nanos;
    }

    /** Empty when the token may submit now (and it is counted); else how long until it may. */
    public synchronized OptionalLong secondsToWait(String token) {
        if (perSecond <= 0) {
            return OptionalLong.empty();
        }
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(token, t -> new Bucket(Math.max(1, perSecond), now));
        bucket.refill(now, perSecond);
        if (bucket.level >= 1) {
            bucket.level -= 1;
            return OptionalLong.empty();
        }
        double seconds = (1 - bucket.level) / perSecond;
        return OptionalLong.of(Math.max(1, (long) Math.ceil(seconds)));
    }

    private static final class Bucket {
        private final double capacity;
        private double level;
        private long filledAt;

        private Bucket(double capacity, long now) {
            this.capacity = capacity;
            this.level = capacity;
            this.filledAt = now;
        }

        private void refill(long now, double perSecond) {
            double elapsed = (now - filledAt) / (double) Duration.ofSeconds(1).toNanos();
            level = Math.min(capacity, level + elapsed * perSecond);
            filledAt = now;
        }
    }
}
