package dev.berth.reconcile;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How much of the loop's time its passes may take: {@link #SHARE} of it on average, with up to
 * {@link #SAVED} of time not used kept for a run of passes at once. Each pass is charged what it
 * took (on the monotonic clock), so the budget bounds the work, not the number of passes. One job
 * at a time wakes the loop four or five times within half a second (its submission, its launch
 * done, its start, its death, a look again), each pass a few milliseconds: those never wait, however
 * close together the jobs come. In a burst of hundreds engine events and task changes come tens a
 * second, and each pass lists the engine's objects and reads every launched job again, tens of
 * milliseconds: passes then follow one another no closer than (1 - SHARE) / SHARE times their own
 * length, and mostly find what the one before found, so the CPU they would take stays the engine's
 * (docs/benchmarks.md). A count of passes a second did not tell the two apart: at five a second it
 * held back the death of one job at a time in a row by up to 200 ms.
 */
final class PassBudget {
    static final double SHARE = 0.2;
    static final long SAVED = TimeUnit.MILLISECONDS.toNanos(500);

    /** Waits the given nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** Pass time that may be spent now, in nanoseconds; below zero after passes took more than their share. */
    private double allowance = SAVED;
    private long refilledAt;

    PassBudget() {
        this(System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    PassBudget(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Runs a pass and charges the time it took, also when it failed. */
    void spend(Runnable pass) {
        long started = nanoTime.getAsLong();
        try {
            pass.run();
        } finally {
            refill();
            allowance -= nanoTime.getAsLong() - started;
        }
    }

    /** Returns once the passes before have been paid for: at once while time is left over. */
    void acquire() throws InterruptedException {
        refill();
        if (allowance < 0) {
            sleeper.sleep((long) Math.ceil(-allowance / SHARE));
            refill();
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        allowance = Math.min(SAVED, allowance + (now - refilledAt) * SHARE);
        refilledAt = now;
    }
}
