package dev.berth.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An answer of the engine that changes rarely and by hand (its swarm role, its number of nodes),
 * taken as it is for {@code recheck} and then asked again. The engine is asked outside the lock: a
 * slow answer holds up no one but this caller.
 */
final class Rechecked<T> {
    private final Supplier<T> ask;
    private final Duration recheck;
    private final Clock clock;
    private T answer;
    private Instant knownAt;

    Rechecked(Supplier<T> ask, Duration recheck, Clock clock) {
        this.ask = ask;
        this.recheck = recheck;
        this.clock = clock;
    }

    T get() {
        synchronized (this) {
            if (knownAt != null && clock.instant().isBefore(knownAt.plus(recheck))) {
                return answer;
            }
        }
        T fresh = ask.get();
        learned(fresh);
        return fresh;
    }

    /** What the engine has just shown otherwise (a call's answer): counts from now. */
    synchronized void learned(T shown) {
        answer = shown;
        knownAt = clock.instant();
    }
}
