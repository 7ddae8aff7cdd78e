package dev.berth.docker;

import java.time.Clock;
import java.time.Duration;
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

    private final Rechecked<Boolean> manager;

    SwarmRole(BooleanSupplier askEngine, Clock clock) {
        this.manager = new Rechecked<>(askEngine::getAsBoolean, RECHECK, clock);
    }

    boolean isManager() {
        return manager.get();
    }

    /** What the engine has just shown, by an answer to info or a 503 to a service call. */
    void learned(boolean isManager) {
        manager.learned(isManager);
    }
}
