package dev.berth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void idsWithinOneMillisecondAreDistinctAndSortInCreationOrder() {
        JobIds ids = new JobIds(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next());
        }

        assertThat(new HashSet<>(made)).hasSize(1000);
        assertThat(made).isSorted();
        assertThat(made).allMatch(JobIds::isWellFormed);
    }

    @Test
    void laterMillisecondsSortLater() {
        String early = new JobIds(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC)).next();
        String late = new JobIds(Clock.fixed(Instant.parse("2026-11-27T12:00:00.001Z"), ZoneOffset.UTC)).next();

        assertThat(early).isLessThan(late);
        assertThat(early).hasSize(26).matches("[0-9a-z]+");
    }

    @Test
    void recognisesMalformedIds() {
        assertThat(JobIds.isWellFormed("short")).isFalse();
        assertThat(JobIds.isWellFormed("01m8ffbwrp67hqrgd33m0133r!")).isFalse();
        assertThat(JobIds.isWellFormed(null)).isFalse();
    }
}
