package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's role is asked at most every RECHECK; what a call has just shown counts at once. */
class SwarmRoleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final AtomicInteger asked = new AtomicInteger();
    private boolean engineIsManager = true;
    private Instant now = T0;
    private final SwarmRole role = new SwarmRole(() -> {
        asked.incrementAndGet();
        return engineIsManager;
    }, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theEngineIsAskedOnceWithinRecheck() {
        assertThat(role.isManager()).isTrue();
        now = T0.plus(SwarmRole.RECHECK).minusMillis(1);
        engineIsManager = false;

        assertThat(role.isManager()).isTrue();
        assertThat(asked).hasValue(1);
    }

    @Test
    void afterRecheckTheEngineIsAskedAgain() {
        role.isManager();
        engineIsManager = false;
        now = T0.plus(SwarmRole.RECHECK);

        assertThat(role.isManager()).isFalse();
        assertThat(asked).hasValue(2);
    }

    @Test
    void whatACallShowedCountsAtOnceAndForAWhole() {
        role.isManager();
        role.learned(false);
        now = T0.plusSeconds(5);

        assertThat(role.isManager()).isFalse();
        assertThat(asked).hasValue(1);
    }
}
