package dev.berth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {
    private final Lifecycle lifecycle = Lifecycle.DEFAULTS;

    @ParameterizedTest(name = "after attempt {0}: {1} s")
    @CsvSource({"1, 10", "2, 20", "3, 40", "4, 80", "5, 160", "6, 320", "7, 360", "30, 360"})
    void backOffDoublesFromTenSecondsUpToTheCap(int failedAttempt, long seconds) {
        assertThat(lifecycle.backoffAfter(failedAttempt)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
