package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

    @ParameterizedTest(name = "created {0} is {1} old")
    @CsvSource({"2026-12-10T11:59:15Z, 45s", "2026-12-10T11:48:00Z, 12m", "2026-12-10T09:00:00Z, 3h",
        "2026-12-05T12:00:00Z, 5d", "2026-12-10T12:00:05Z, 0s"})
    void anAgeIsInItsLargestWholeUnit(String created, String age) {
        assertThat(Durations.age(created, NOW)).isEqualTo(age);
    }

    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({"0, 00:00", "42, 00:42", "3599, 59:59", "3723, 1:02:03"})
    void aClockShowsMinutesAndSecondsAndHoursOnlyWhenThereAreAny(long seconds, String clock) {
        assertThat(Durations.clock(Duration.ofSeconds(seconds))).isEqualTo(clock);
    }
}
