package dev.berth.docker;

import dev.berth.core.Phase;
import dev.berth.core.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Pure interpretation of a swarm task's state as a job status. */
public final class TaskStates {
    private static final Set<String> TERMINAL =
            Set.of("complete", "failed", "rejected", "shutdown", "orphaned", "remove");
    /** Node states in which a node runs nothing the manager hears of. */
    private static final Set<String> NODE_GONE = Set.of("down", "disconnected", "unknown");
    /** How engines word a task rejected because its node could not get the image. */
    private static final List<String> IMAGE_MISSING = List.of("no such image", "manifest unknown",
            "not found: manifest", "pull access denied", "repository does not exist");

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
                    firstKnown(started, ContainerStates.time(facts.statusTimestamp()), null), null)
                    .stranded(strandedBecause(facts));
            case "complete" -> observed(facts, Phase.Succeeded, Reason.Completed, "exited with code 0", 0,
                    started, finished);
            case "failed" -> failed(facts, started, finished);
            case "rejected" -> rejected(facts, finished);
            case "shutdown", "orphaned", "remove" -> shutDown(facts, state, started, finished);
            // The scheduler found no node for it: it stays pending (and says why) until one has room.
            case "pending" -> facts.error() == null || facts.error().isBlank() ? onItsWay(facts, state)
                    : observed(facts, Phase.Pending, Reason.Unschedulable, facts.error(), null, null, null);
            // new ... starting, and any state a newer engine adds: keep watching rather than fail the job.
            default -> onItsWay(facts, state);
        };
    }

    private static Observation onItsWay(TaskFacts facts, String state) {
        return observed(facts, Phase.Launching, Reason.Launched,
                "task " + (state.isEmpty() ? "in no state yet" : state) + errorSuffix(facts), null, null, null)
                .stranded(strandedBecause(facts));
    }

    /**
     * Swarm rejects a task that failed before its container could start (image, mounts, ...); a
     * node that could not get the image is named, since the image may well be on the others.
     */
    private static Observation rejected(TaskFacts facts, Instant finished) {
        String error = errorOf(facts);
        String lower = error.toLowerCase(Locale.ROOT);
        if (facts.nodeId() != null && !facts.nodeId().isBlank() && IMAGE_MISSING.stream().anyMatch(lower::contains)) {
            return observed(facts, Phase.Failed, Reason.ImageNotFound, "node " + facts.nodeName()
                    + " could not get the image: " + error, null, null, finished);
        }
        return observed(facts, Phase.Failed, Reason.Rejected, "rejected: " + error, null, null, finished);
    }

    /**
     * A task shut down before it finished, while its service is still there (Berth removes a
     * service to stop it, and never updates one): the swarm shut it down because its node was
     * drained, or because the node went down (a node that comes back stops such a task and reports
     * it shut down only then), or the manager gave up on the node (orphaned). A task removed by
     * someone else is plainly lost.
     */
    private static Observation shutDown(TaskFacts facts, String state, Instant started, Instant finished) {
        if ("remove".equals(state)) {
            return observed(facts, Phase.Failed, Reason.Lost,
                    "the task went to state remove before it finished" + errorSuffix(facts), null, started, finished);
        }
        if ("drain".equals(facts.nodeAvailability())) {
            return observed(facts, Phase.Lost, Reason.NodeDrained, "node " + facts.nodeName()
                    + " was drained: the swarm shut the task down", null, started, finished);
        }
        String node = facts.nodeState() == null || "ready".equals(facts.nodeState()) ? ""
                : " (the node is " + facts.nodeState() + ")";
        return observed(facts, Phase.Lost, Reason.NodeLost, "the swarm shut the task down when it lost node "
                + facts.nodeName() + node + ": the task went to state " + state + errorSuffix(facts), null, started,
                finished);
    }

    /**
     * A live task on a node that is down, or one the swarm has told to shut down that still reports
     * running, may be gone with its node (moby#31999: such a task stays "running" for ever) or may
     * come back with it; null when neither is the case. A drained node that is up stops its tasks
     * within their stop grace and says so: those are not stranded.
     */
    private static String strandedBecause(TaskFacts facts) {
        if (nodeGone(facts)) {
            return "node " + facts.nodeName() + " is " + facts.nodeState();
        }
        boolean drainedAndUp = "drain".equals(facts.nodeAvailability()) && "ready".equals(facts.nodeState());
        if (!drainedAndUp && ("shutdown".equals(facts.desiredState()) || "remove".equals(facts.desiredState()))) {
            return "the swarm shut the task down but node " + facts.nodeName() + " never reported it stopped";
        }
        return null;
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
                blankToNull(facts.nodeId()), facts.nodeHostname(), null);
    }

    private static String errorOf(TaskFacts facts) {
        String error = blankToNull(facts.error());
        return error != null ? error : "the engine gave no reason";
    }

    private static String errorSuffix(TaskFacts facts) {
        String error = blankToNull(facts.error());
        return error == null ? "" : ": " + error;
    }

    private static boolean nodeGone(TaskFacts facts) {
        return facts.nodeState() != null && NODE_GONE.contains(facts.nodeState());
    }

    private static Instant firstKnown(Instant first, Instant second, Instant otherwise) {
        return first != null ? first : second != null ? second : otherwise;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
