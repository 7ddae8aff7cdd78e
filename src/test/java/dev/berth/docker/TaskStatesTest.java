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
import org.junit.jupiter.params.provider.ValueSource;

class TaskStatesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String STARTED = "2026-11-27T11:59:00.123456789Z";
    private static final String FINISHED = "2026-11-27T11:59:30Z";
    private static final String STATUS_AT = "2026-11-27T11:59:31Z";
    private static final String ZERO = "0001-01-01T00:00:00Z";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"new", "allocated", "pending", "assigned", "accepted", "preparing", "ready", "starting"})
    void aTaskOnItsWayIsLaunching(String state) {
        Observation seen = TaskStates.interpret(task(state, "", "", null, "", null, null), NOW);

        assertThat(seen.phase()).isEqualTo(Phase.Launching);
        assertThat(seen.reason()).isEqualTo(Reason.Launched);
        assertThat(seen.message()).isEqualTo("task " + state);
        assertThat(seen.exitCode()).isNull();
        assertThat(seen.finishedAt()).isNull();
        assertThat(seen.isTerminal()).isFalse();
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(task("running", "", "started", 0L, STATUS_AT, null, null),
                        Phase.Running, Reason.Started, null, "running"),
                Arguments.of(task("complete", "", "finished", 0L, STATUS_AT, STARTED, FINISHED),
                        Phase.Succeeded, Reason.Completed, 0, "exited with code 0"),
                Arguments.of(task("failed", "task: non-zero exit (4)", "started", 4L, STATUS_AT, STARTED, FINISHED),
                        Phase.Failed, Reason.NonZeroExit, 4, "exited with code 4"),
                Arguments.of(task("failed", "starting container failed: exec: \"/nope\": no such file", "starting",
                        127L, STATUS_AT, ZERO, FINISHED), Phase.Failed, Reason.StartFailed, 127,
                        "could not start: starting container failed: exec: \"/nope\": no such file"),
                Arguments.of(task("failed", "container wait failed", "started", null, STATUS_AT, null, null),
                        Phase.Failed, Reason.StartFailed, null, "could not start: container wait failed"),
                Arguments.of(noContainer("failed", "create failed: invalid mount", "preparing"),
                        Phase.Failed, Reason.CreateFailed, null,
                        "could not create the container: create failed: invalid mount"),
                Arguments.of(noContainer("rejected", "No such image: sha256:0001", "preparing"),
                        Phase.Failed, Reason.ImageNotFound, null, "node n1 could not get the image: No such image:"
                                + " sha256:0001"),
                Arguments.of(noContainer("rejected", "invalid mount config for type \"bind\"", "preparing"),
                        Phase.Failed, Reason.Rejected, null, "rejected: invalid mount config for type \"bind\""),
                Arguments.of(task("shutdown", "", "shutdown", 0L, STATUS_AT, STARTED, ZERO),
                        Phase.Lost, Reason.NodeLost, null,
                        "the swarm shut the task down when it lost node n1: the task went to state shutdown"),
                Arguments.of(task("orphaned", "node is down", "", 0L, STATUS_AT, null, null),
                        Phase.Lost, Reason.NodeLost, null,
                        "the swarm shut the task down when it lost node n1: the task went to state orphaned: node is"
                                + " down"),
                Arguments.of(noContainer("remove", "", ""),
                        Phase.Failed, Reason.Lost, null, "the task went to state remove before it finished"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void interpretsTheTaskStateAsAJobStatus(TaskFacts facts, Phase phase, Reason reason, Integer exitCode,
                                            String message) {
        Observation seen = TaskStates.interpret(facts, NOW);

        assertThat(seen.phase()).isEqualTo(phase);
        assertThat(seen.reason()).isEqualTo(reason);
        assertThat(seen.exitCode()).isEqualTo(exitCode);
        assertThat(seen.message()).isEqualTo(message);
    }

    @Test
    void aTaskNoNodeCanTakeIsPendingUnschedulableInTheSwarmsWords() {
        Observation seen = TaskStates.interpret(
                noContainer("pending", "no suitable node (insufficient resources on 1 node)", "pending"), NOW);

        assertThat(seen.phase()).isEqualTo(Phase.Pending);
        assertThat(seen.reason()).isEqualTo(Reason.Unschedulable);
        assertThat(seen.isTerminal()).isFalse();
        assertThat(seen.message()).isEqualTo("no suitable node (insufficient resources on 1 node)");
    }

    @Test
    void carriesTheSwarmIdsAndTreatsEmptyIdsAsUnknown() {
        Observation withContainer = TaskStates.interpret(task("running", "", "started", 0L, STATUS_AT, null, null), NOW);
        Observation without = TaskStates.interpret(
                new TaskFacts("s1", "t1", "", "", "pending", "running", "", "", 0L, STATUS_AT, null, null, null, null,
                        null), NOW);

        assertThat(withContainer).extracting(Observation::serviceId, Observation::taskId, Observation::nodeId,
                Observation::containerId).containsExactly("s1", "t1", "n1", "c1");
        assertThat(without.nodeId()).isNull();
        assertThat(without.containerId()).isNull();
    }

    @Test
    void takesStartAndFinishFromTheContainerWhenKnown() {
        Observation done = TaskStates.interpret(task("complete", "", "finished", 0L, STATUS_AT, STARTED, FINISHED), NOW);

        assertThat(done.startedAt()).isEqualTo(Instant.parse(STARTED));
        assertThat(done.finishedAt()).isEqualTo(Instant.parse(FINISHED));
    }

    @Test
    void aRunningTaskWithoutContainerTimesStartedWhenItsStatusSaysSo() {
        Observation running = TaskStates.interpret(task("running", "", "started", 0L, STATUS_AT, null, null), NOW);

        assertThat(running.startedAt()).isEqualTo(Instant.parse(STATUS_AT));
        assertThat(running.finishedAt()).isNull();
    }

    @Test
    void aFinishedTaskFallsBackToItsStatusTimeAndOnlyThenToNow() {
        Observation byStatus = TaskStates.interpret(task("complete", "", "finished", 0L, STATUS_AT, STARTED, ZERO), NOW);
        Observation byNow = TaskStates.interpret(task("failed", "", "started", 2L, null, null, null), NOW);

        assertThat(byStatus.finishedAt()).isEqualTo(Instant.parse(STATUS_AT));
        assertThat(byNow.finishedAt()).isEqualTo(NOW);
        assertThat(byNow.startedAt()).isNull();
    }

    @Test
    void aServiceWithoutATaskYetIsLaunching() {
        Observation seen = TaskStates.awaitingTask("s1");

        assertThat(seen.phase()).isEqualTo(Phase.Launching);
        assertThat(seen.serviceId()).isEqualTo("s1");
        assertThat(seen.taskId()).isNull();
    }

    @Test
    void aTaskWithoutAStateIsNotTerminal() {
        assertThat(TaskStates.isTerminal(null)).isFalse();
        assertThat(TaskStates.interpret(task(null, "", "", null, null, null, null), NOW).phase())
                .isEqualTo(Phase.Launching);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"complete", "failed", "rejected", "shutdown", "orphaned", "remove"})
    void terminalTaskStatesAreTerminalObservations(String state) {
        assertThat(TaskStates.isTerminal(state)).isTrue();
        assertThat(TaskStates.interpret(task(state, "", "", 1L, STATUS_AT, null, null), NOW).isTerminal()).isTrue();
    }

    @Test
    void aRunningTaskOnANodeThatIsDownIsStrandedNotYetLost() {
        Observation seen = TaskStates.interpret(onNode("running", "running", "down", "active"), NOW);

        assertThat(seen.phase()).isEqualTo(Phase.Running);
        assertThat(seen.nodeHostname()).isEqualTo("worker-2");
        assertThat(seen.stranded()).isEqualTo("node worker-2 is down");
    }

    @Test
    void aTaskToldToShutDownThatStillReportsRunningIsStranded() {
        Observation seen = TaskStates.interpret(onNode("running", "shutdown", "ready", "active"), NOW);

        assertThat(seen.stranded())
                .isEqualTo("the swarm shut the task down but node worker-2 never reported it stopped");
    }

    @Test
    void aTaskADrainedNodeIsStillStoppingIsNotStranded() {
        assertThat(TaskStates.interpret(onNode("running", "shutdown", "ready", "drain"), NOW).stranded()).isNull();
    }

    @Test
    void aRunningTaskOnAReadyNodeIsNotStranded() {
        assertThat(TaskStates.interpret(onNode("running", "running", "ready", "active"), NOW).stranded()).isNull();
    }

    @Test
    void aTaskShutDownByADrainIsLostNodeDrained() {
        Observation seen = TaskStates.interpret(onNode("shutdown", "shutdown", "ready", "drain"), NOW);

        assertThat(seen.phase()).isEqualTo(Phase.Lost);
        assertThat(seen.reason()).isEqualTo(Reason.NodeDrained);
        assertThat(seen.isTerminal()).isTrue();
        assertThat(seen.message()).isEqualTo("node worker-2 was drained: the swarm shut the task down");
    }

    @Test
    void anOrphanedTaskIsLostWithItsNode() {
        Observation seen = TaskStates.interpret(onNode("orphaned", "shutdown", "down", "active"), NOW);

        assertThat(seen.phase()).isEqualTo(Phase.Lost);
        assertThat(seen.reason()).isEqualTo(Reason.NodeLost);
        assertThat(seen.message()).startsWith("the swarm shut the task down when it lost node worker-2 (the node is"
                + " down): the task went to state orphaned");
    }

    /** A node back within the grace stops the task the swarm shut down, and says so only then. */
    @Test
    void aTaskShutDownByANodeThatCameBackIsLostWithItsNode() {
        Observation seen = TaskStates.interpret(onNode("shutdown", "shutdown", "ready", "active"), NOW);

        assertThat(seen.phase()).isEqualTo(Phase.Lost);
        assertThat(seen.reason()).isEqualTo(Reason.NodeLost);
        assertThat(seen.message()).isEqualTo("the swarm shut the task down when it lost node worker-2: the task went"
                + " to state shutdown");
    }

    @Test
    void aTaskRejectedForWantOfItsImageIsImageNotFoundNamingTheNode() {
        TaskFacts facts = new TaskFacts("s1", "t1", "n2", "", "rejected", "shutdown",
                "No such image: 10.77.0.5:5000/absent@sha256:00", "preparing", null, STATUS_AT, null, null,
                "worker-2", "ready", "active");

        Observation seen = TaskStates.interpret(facts, NOW);

        assertThat(seen.reason()).isEqualTo(Reason.ImageNotFound);
        assertThat(seen.message())
                .isEqualTo("node worker-2 could not get the image: No such image: 10.77.0.5:5000/absent@sha256:00");
    }

    private static TaskFacts onNode(String state, String desired, String nodeState, String availability) {
        return new TaskFacts("s1", "t1", "n2", "c1", state, desired, "", "", null, STATUS_AT, null, null, "worker-2",
                nodeState, availability);
    }

    private static TaskFacts task(String state, String error, String message, Long exit, String statusAt,
                                  String started, String finished) {
        return new TaskFacts("s1", "t1", "n1", "c1", state, desiredFor(state), error, message, exit, statusAt,
                started, finished, null, null, null);
    }

    private static TaskFacts noContainer(String state, String error, String message) {
        return new TaskFacts("s1", "t1", "n1", "", state, desiredFor(state), error, message, 0L, STATUS_AT, null,
                null, null, null, null);
    }

    /** What the swarm wants of a task in that state: a finished one shut down, any other running. */
    private static String desiredFor(String state) {
        return TaskStates.isTerminal(state) ? "shutdown" : "running";
    }
}
