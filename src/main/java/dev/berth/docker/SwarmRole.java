package dev.berth.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Whether the engine is a swarm manager, asked again at most every {@link #RECHECK}. An engine that
 * is not one answers 503 to every service call, and the HTTP client under docker-java retries a 503
 * after a second: listing services to find out cost every pass of a plain engine a second (and
 * printed the client's retry line each time). An engine's role changes by hand and rarely; a
 * listing that meets a 503 anyway says so at once.
 */
final class SwarmRole {
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final BooleanSupplier askEngine;
    private final Clock clock;
    private boolean manager;
    private Instant knownAt;

    SwarmRole(BooleanSupplier askEngine, Clock clock) {
        this.askEngine = askEngine;
        this.clock = clock;
    }

    /** The engine is asked outside the lock: a slow answer holds up no one but this caller. */
    boolean isManager() {
        synchronized (this) {
            if (knownAt != null && clock.instant().isBefore(knownAt.plus(RECHECK))) {
                return manager;
            }
        }
        boolean answer = askEngine.getAsBoolean();
        learned(answer);
        return answer;
    }

    /** What the engine has just shown, by an answer to info or a 503 to a service call. */
    synchronized void learned(boolean isManager) {
        manager = isManager;
        knownAt = clock.instant();
    }
}
