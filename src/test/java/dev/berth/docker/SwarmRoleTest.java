package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.SettableClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's role is asked at most every RECHECK; what a call has just shown counts at once. */
class SwarmRoleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final AtomicInteger asked = new AtomicInteger();
    private boolean engineIsManager = true;
    private final SettableClock clock = new SettableClock(T0);
    private final SwarmRole role = new SwarmRole(() -> {
        asked.incrementAndGet();
        return engineIsManager;
    }, clock);

    @Test
    void theEngineIsAskedOnceWithinRecheck() {
        assertThat(role.isManager()).isTrue();
        clock.set(T0.plus(SwarmRole.RECHECK).minusMillis(1));
        engineIsManager = false;

        assertThat(role.isManager()).isTrue();
        assertThat(asked).hasValue(1);
    }

    @Test
    void afterRecheckTheEngineIsAskedAgain() {
        role.isManager();
        engineIsManager = false;
        clock.set(T0.plus(SwarmRole.RECHECK));

        assertThat(role.isManager()).isFalse();
        assertThat(asked).hasValue(2);
    }

    @Test
    void whatACallShowedCountsAtOnceAndForAWhole() {
        role.isManager();
        role.learned(false);
        clock.set(T0.plusSeconds(5));

        assertThat(role.isManager()).isFalse();
        assertThat(asked).hasValue(1);
    }
}
