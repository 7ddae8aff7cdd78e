package dev.berth.reconcile;

import java.util.concurrent.TimeUnit;

/**
 * How often the loop's passes may run: {@link #RATE} a second on average, up to {@link #BURST} in a
 * row at once (a token bucket on the monotonic clock). One job at a time wakes the loop three or
 * four times (its launch done, its start, its death, a look again), which never wait. In a burst of
 * hundreds, engine events and task changes come tens a second and each pass lists the engine's
 * objects and reads every launched job again: beyond a few passes a second they mostly find what
 * the one before found, and they take the CPU the engine needs to run the jobs (docs/benchmarks.md).
 */
final class PassBudget {
    static final int BURST = 5;
    static final double RATE = 5.0;

    private double tokens = BURST;
    private long refilledAt = System.nanoTime();

    /** Returns once a pass may run, having waited as long as the budget asks. */
    void acquire() throws InterruptedException {
        refill();
        if (tokens < 1) {
            TimeUnit.NANOSECONDS.sleep((long) ((1 - tokens) / RATE * TimeUnit.SECONDS.toNanos(1)));
            refill();
        }
        tokens = Math.max(0, tokens - 1);
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(BURST, tokens + (now - refilledAt) * RATE / TimeUnit.SECONDS.toNanos(1));
        refilledAt = now;
    }
}
