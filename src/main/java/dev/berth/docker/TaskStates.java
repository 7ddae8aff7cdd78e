package dev.berth.docker;

import dev.berth.core.Phase;
import dev.berth.core.Reason;
import java.time.Instant;
import java.util.Set;

/** Pure interpretation of a swarm task's state as a job status. */
public final class TaskStates {
    private static final Set<String> TERMINAL =
            Set.of("complete", "failed", "rejected", "shutdown", "orphaned", "remove");

    private TaskStates() {
    }

    static boolean isTerminal(String state) {
        return state != null && TERMINAL.contains(state);
    }

    /** A service whose task the swarm has not created yet. */
    public static Observation awaitingTask(String serviceId) {
        return new Observation(Phase.Launching, Reason.Launched, "service created, waiting for its task", null,
                null, null, null, serviceId, null, null);
    }

    /** {@code now} stands in for a finish time the engine did not record. */
    public static Observation interpret(TaskFacts facts, Instant now) {
        String state = facts.state() == null ? "" : facts.state();
        Instant started = ContainerStates.time(facts.containerStartedAt());
        Instant finished = firstKnown(ContainerStates.time(facts.containerFinishedAt()),
                ContainerStates.time(facts.statusTimestamp()), now);
        return switch (state) {
            case "running" -> observed(facts, Phase.Running, Reason.Started, "running", null,
                    firstKnown(started, ContainerStates.time(facts.statusTimestamp()), null), null);
            case "complete" -> observed(facts, Phase.Succeeded, Reason.Completed, "exited with code 0", 0,
                    started, finished);
            case "failed" -> failed(facts, started, finished);
            // Swarm rejects a task that failed before its container could start (image, mounts, ...).
            case "rejected" -> observed(facts, Phase.Failed, Reason.Rejected, "rejected: " + errorOf(facts),
                    null, null, finished);
            case "shutdown", "orphaned", "remove" -> observed(facts, Phase.Failed, Reason.Lost,
                    "the task went to state " + state + " before it finished" + errorSuffix(facts), null,
                    started, finished);
            // new ... starting, and any state a newer engine adds: keep watching rather than fail the job.
            default -> observed(facts, Phase.Launching, Reason.Launched,
                    "task " + (state.isEmpty() ? "in no state yet" : state) + errorSuffix(facts),
                    null, null, null);
        };
    }

    /**
     * Swarm reports "failed" both for a process that exited non-zero and for a container that never
     * started; its status message ("starting" vs "started") says which.
     */
    private static Observation failed(TaskFacts facts, Instant started, Instant finished) {
        Integer code = facts.exitCode() == null || facts.exitCode() == 0 ? null : facts.exitCode().intValue();
        if (code != null && !"starting".equals(facts.message())) {
            return observed(facts, Phase.Failed, Reason.NonZeroExit, "exited with code " + code, code, started,
                    finished);
        }
        if (blankToNull(facts.containerId()) == null) {
            return observed(facts, Phase.Failed, Reason.CreateFailed,
                    "could not create the container: " + errorOf(facts), code, null, finished);
        }
        return observed(facts, Phase.Failed, Reason.StartFailed, "could not start: " + errorOf(facts), code,
                started, finished);
    }

    private static Observation observed(TaskFacts facts, Phase phase, Reason reason, String message,
                                        Integer exitCode, Instant started, Instant finished) {
        return new Observation(phase, reason, message, exitCode, started, finished,
                blankToNull(facts.containerId()), blankToNull(facts.serviceId()), blankToNull(facts.taskId()),
                blankToNull(facts.nodeId()));
    }

    private static String errorOf(TaskFacts facts) {
        String error = blankToNull(facts.error());
        return error != null ? error : "the engine gave no reason";
    }

    private static String errorSuffix(TaskFacts facts) {
        String error = blankToNull(facts.error());
        return error == null ? "" : ": " + error;
    }

    private static Instant firstKnown(Instant first, Instant second, Instant otherwise) {
        return first != null ? first : second != null ? second : otherwise;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
