package dev.berth.reconcile;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

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
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Waits the given nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens = BURST;
    private long refilledAt;

    PassBudget() {
        this(System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    PassBudget(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Returns once a pass may run, having waited as long as the budget asks. */
    void acquire() throws InterruptedException {
        refill();
        if (tokens < 1) {
            sleeper.sleep((long) Math.ceil((1 - tokens) / RATE * SECOND));
            refill();
        }
        tokens = Math.max(0, tokens - 1);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(BURST, tokens + (now - refilledAt) * RATE / SECOND);
        refilledAt = now;
    }
}
