package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Phase;
import dev.berth.core.Reason;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerStatesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String STARTED = "2026-11-27T11:59:00.123456789Z";
    private static final String FINISHED = "2026-11-27T11:59:30Z";
    private static final String ZERO = "0001-01-01T00:00:00Z";

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of(facts("created", 0L, false, "", ZERO, ZERO), Phase.Launching, Reason.Launched, null),
                Arguments.of(facts("running", 0L, false, "", STARTED, ZERO), Phase.Running, Reason.Started, null),
                Arguments.of(facts("paused", 0L, false, "", STARTED, ZERO), Phase.Running, Reason.Started, null),
                Arguments.of(facts("exited", 0L, false, "", STARTED, FINISHED), Phase.Succeeded, Reason.Completed, 0),
                Arguments.of(facts("exited", 3L, false, "", STARTED, FINISHED), Phase.Failed, Reason.NonZeroExit, 3),
                Arguments.of(facts("exited", 137L, true, "", STARTED, FINISHED), Phase.Failed, Reason.OOMKilled, 137),
                Arguments.of(facts("dead", 1L, false, "", STARTED, FINISHED), Phase.Failed, Reason.NonZeroExit, 1),
                Arguments.of(facts("removing", 137L, false, "", STARTED, FINISHED), Phase.Failed, Reason.Lost, null),
                Arguments.of(facts("created", 127L, false, "exec: \"nope\": executable file not found", ZERO, ZERO),
                        Phase.Failed, Reason.StartFailed, 127),
                Arguments.of(facts("exited", 127L, false, "exec failed", ZERO, FINISHED), Phase.Failed,
                        Reason.StartFailed, 127));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void interpretsDockerStateAsAJobStatus(ContainerFacts facts, Phase phase, Reason reason, Integer exitCode) {
        Observation seen = ContainerStates.interpret(facts, NOW);

        assertThat(seen.phase()).isEqualTo(phase);
        assertThat(seen.reason()).isEqualTo(reason);
        assertThat(seen.exitCode()).isEqualTo(exitCode);
        assertThat(seen.containerId()).isEqualTo("c1");
    }

    @Test
    void takesTimesFromDockerAndTreatsItsZeroTimeAsUnknown() {
        Observation running = ContainerStates.interpret(facts("running", 0L, false, "", STARTED, ZERO), NOW);
        Observation exited = ContainerStates.interpret(facts("exited", 0L, false, "", STARTED, FINISHED), NOW);

        assertThat(running.startedAt()).isEqualTo(Instant.parse(STARTED));
        assertThat(running.finishedAt()).isNull();
        assertThat(exited.finishedAt()).isEqualTo(Instant.parse(FINISHED));
    }

    @Test
    void aFinishedContainerWithoutAFinishTimeFinishedNow() {
        Observation seen = ContainerStates.interpret(facts("exited", 0L, false, "", STARTED, ZERO), NOW);

        assertThat(seen.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void messagesSayWhatHappened() {
        assertThat(ContainerStates.interpret(facts("exited", 3L, false, "", STARTED, FINISHED), NOW).message())
                .isEqualTo("exited with code 3");
        assertThat(ContainerStates.interpret(facts("exited", 137L, true, "", STARTED, FINISHED), NOW).message())
                .contains("out of memory");
        assertThat(ContainerStates.interpret(facts("created", 127L, false, "no such file", ZERO, ZERO), NOW)
                .message()).contains("no such file");
    }

    private static ContainerFacts facts(String status, Long exit, boolean oom, String error, String started,
                                        String finished) {
        return new ContainerFacts("c1", status, exit, oom, error, started, finished);
    }
}
