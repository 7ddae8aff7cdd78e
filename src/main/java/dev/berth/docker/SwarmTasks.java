package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads swarm tasks into {@link TaskFacts}, filling in from the task's container what the task leaves out. */
final class SwarmTasks {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmTasks.class);

    private final DockerClient docker;
    private final OwnNode ownNode;

    SwarmTasks(DockerClient docker, OwnNode ownNode) {
        this.docker = docker;
        this.ownNode = ownNode;
    }

    /** With restart condition none a service has one task, but "newest" stays right if it ever has more. */
    static Map<String, Task> newestPerService(Collection<Task> tasks) {
        Comparator<Task> byCreation = Comparator.comparing((Task t) -> ContainerStates.time(t.getCreatedAt()),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return tasks.stream().filter(t -> t.getServiceId() != null)
                .collect(Collectors.toMap(Task::getServiceId, t -> t, BinaryOperator.maxBy(byCreation)));
    }

    /** The task's state in Docker's lower-case spelling; null when the engine sent none. */
    static String stateOf(Task task) {
        TaskStatus status = task == null ? null : task.getStatus();
        return status == null || status.getState() == null ? null : status.getState().getValue();
    }

    /** The swarm wants the task gone (its node went down, was drained, or its service was removed). */
    static boolean isToldToStop(Task task) {
        var desired = task == null ? null : task.getDesiredState();
        return desired != null && ("shutdown".equals(desired.getValue()) || "remove".equals(desired.getValue()));
    }

    TaskFacts facts(String serviceId, Task task) {
        TaskStatus status = task.getStatus() == null ? new TaskStatus() : task.getStatus();
        var container = status.getContainerStatus();
        String containerId = container == null ? null : container.getContainerID();
        Long exitCode = container == null ? null : container.getExitCodeLong();
        String state = stateOf(task);
        TaskFacts facts = new TaskFacts(serviceId, task.getId(), task.getNodeId(), containerId, state,
                task.getDesiredState() == null ? null : task.getDesiredState().getValue(), status.getErr(),
                status.getMessage(), exitCode, status.getTimestamp(), null, null, null, null, null);
        boolean hasContainer = containerId != null && !containerId.isBlank();
        return TaskStates.isTerminal(state) && hasContainer && ranHere(facts) ? withContainerFacts(facts) : facts;
    }

    /** A task on another node has its container there: asking this engine for it is a wasted call. */
    private boolean ranHere(TaskFacts facts) {
        String own = ownNode.id();
        return own == null || own.equals(facts.nodeId());
    }

    /**
     * A finished task's status has no start time and may lack the exit code; its container has both
     * when it ran on this engine's node, and is kept until the service is removed.
     */
    private TaskFacts withContainerFacts(TaskFacts facts) {
        try {
            var state = docker.inspectContainerCmd(facts.containerId()).exec().getState();
            Long exitCode = facts.exitCode() != null ? facts.exitCode() : state.getExitCodeLong();
            return new TaskFacts(facts.serviceId(), facts.taskId(), facts.nodeId(), facts.containerId(),
                    facts.state(), facts.desiredState(), facts.error(), facts.message(), exitCode,
                    facts.statusTimestamp(), state.getStartedAt(), state.getFinishedAt(), facts.nodeHostname(),
                    facts.nodeState(), facts.nodeAvailability());
        } catch (NotFoundException gone) {
            LOG.debug("container {} of task {} is gone: the task's status is all there is", facts.containerId(),
                    facts.taskId());
            return facts;
        }
    }
}
