package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressLineTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:14:00Z");

    @ParameterizedTest(name = "{0} reads {2}")
    @CsvSource(delimiter = '|', value = {
        "{'status': {'phase': 'Pending', 'reason': 'Queued', 'queuePosition': 3}}                    | 12 | Pending (Queued 3/12)",
        "{'status': {'phase': 'Pending', 'reason': 'Queued', 'queuePosition': 1}}                    |    | Pending (Queued 1)",
        "{'status': {'phase': 'Pending', 'reason': 'BackOff', 'nextAttemptAt': '2026-12-01T09:14:05Z'}} | | Pending (BackOff, next attempt in 00:05)",
        "{'status': {'phase': 'Launching', 'reason': 'Launched'}}                                    |    | Launching",
        "{'status': {'phase': 'Running', 'startedAt': '2026-12-01T09:13:18Z'}}                       |    | Running 00:42",
        "{'status': {'phase': 'Running', 'startedAt': '2026-12-01T07:00:00Z'}, 'attempts': [{'startedAt': '2026-12-01T08:13:00Z'}]} | | Running 1:01:00",
        "{'status': {'phase': 'Failed', 'reason': 'NonZeroExit', 'exitCode': 3}}                     |    | Failed (NonZeroExit) exit 3",
        "{'status': {'phase': 'Cancelled', 'reason': 'Cancelled'}}                                   |    | Cancelled (Cancelled)",
    })
    void theLineSaysWhereTheJobIs(String job, Integer queuePending, String line) throws Exception {
        var json = new ObjectMapper().readTree(job.replace('\'', '"'));

        assertThat(ProgressLine.of(json, queuePending, NOW).text()).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0} and {1} are one state")
    @CsvSource(delimiter = '|', value = {
        "{'status': {'phase': 'Pending', 'reason': 'Queued', 'queuePosition': 3}} | {'status': {'phase': 'Pending', 'reason': 'Queued', 'queuePosition': 2}}",
        "{'status': {'phase': 'Running', 'startedAt': '2026-12-01T09:13:18Z'}} | {'status': {'phase': 'Running', 'startedAt': '2026-12-01T09:10:00Z'}}",
    })
    void aMovingPositionOrClockIsNoChangeOfState(String before, String after) throws Exception {
        var mapper = new ObjectMapper();
        var first = ProgressLine.of(mapper.readTree(before.replace('\'', '"')), null, NOW);
        var second = ProgressLine.of(mapper.readTree(after.replace('\'', '"')), null, NOW);

        assertThat(first.phaseAndReason()).isEqualTo(second.phaseAndReason());
        assertThat(first.text()).isNotEqualTo(second.text());
    }
}
