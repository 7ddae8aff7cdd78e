package dev.berth.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling for a state the product reaches a moment after one the test has already seen (an
 * object removed after the job's end is written, say). The deadline only keeps a broken product from
 * hanging the build: it is no timing expectation. Nothing here asserts: the caller asserts on what
 * is returned, so a state that never comes still fails the test, with what was last seen.
 */
public final class Await {
    private static final long POLL_MILLIS = 200;

    private Await() {
    }

    /** Reads until {@code done} accepts the value or the deadline passes; returns the last value read. */
    public static <T> T until(Supplier<T> read, Predicate<? super T> done, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(end)) {
            Pause.millis(POLL_MILLIS);
            value = read.get();
        }
        return value;
    }

    /** Whether {@code condition} held by the deadline. */
    public static boolean until(BooleanSupplier condition, Duration deadline) {
        return until(condition::getAsBoolean, Boolean::booleanValue, deadline);
    }
}
