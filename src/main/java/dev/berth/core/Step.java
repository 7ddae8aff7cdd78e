package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One step of an attempt: one Docker object (a container, or a swarm service and its task), with
 * what the engine said of it. {@code index} is its place in the job's steps, from 0.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
        @JsonIgnore int index,
        String name,
        Phase phase,
        Reason reason,
        String message,
        Integer exitCode,
        String containerId,
        String serviceId,
        String taskId,
        String nodeId,
        String nodeHostname,
        Instant startedAt,
        Instant finishedAt) {

    /** A step not launched yet. */
    public static Step waiting(int index, String name) {
        return new Step(index, name, Phase.Pending, null, null, null, null, null, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return phase.isTerminal();
    }

    /** The id of the object that runs this step, under the given backend; null until it was created. */
    public String objectId(Backend backend) {
        return backend == Backend.SERVICE ? serviceId : containerId;
    }

    public Step withPhase(Phase newPhase, Reason newReason, String newMessage) {
        return new Step(index, name, newPhase, newReason, newMessage, exitCode, containerId, serviceId, taskId, nodeId,
                nodeHostname, startedAt, finishedAt);
    }

    public Step withIds(String newContainerId, String newServiceId, String newTaskId, String newNodeId) {
        return new Step(index, name, phase, reason, message, exitCode, newContainerId, newServiceId, newTaskId,
                newNodeId, nodeHostname, startedAt, finishedAt);
    }

    public Step withNodeHostname(String hostname) {
        return new Step(index, name, phase, reason, message, exitCode, containerId, serviceId, taskId, nodeId,
                hostname, startedAt, finishedAt);
    }

    public Step withRun(Integer newExitCode, Instant newStartedAt, Instant newFinishedAt) {
        return new Step(index, name, phase, reason, message, newExitCode, containerId, serviceId, taskId, nodeId,
                nodeHostname, newStartedAt, newFinishedAt);
    }
}
