package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The observed job: written only by the reconciler. Fields stay null until known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(
        Phase phase,
        Reason reason,
        String message,
        Backend backend,
        String containerId,
        String serviceId,
        String taskId,
        String nodeId,
        Integer exitCode,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long observedGeneration) {

    public static JobStatus submitted(Instant now) {
        return new JobStatus(Phase.Pending, Reason.Submitted, "waiting to be launched",
                null, null, null, null, null, null, 0, now, null, null, 0);
    }

    public JobStatus withPhase(Phase newPhase, Reason newReason, String newMessage) {
        return new JobStatus(newPhase, newReason, newMessage, backend, containerId, serviceId, taskId,
                nodeId, exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration);
    }

    /** The status of a fresh attempt: Docker ids and times of the previous one are cleared. */
    public JobStatus withNewAttempt(Backend newBackend, long generation, String newMessage) {
        return new JobStatus(Phase.Launching, Reason.Launched, newMessage, newBackend, null, null, null,
                null, null, attempts + 1, createdAt, null, null, generation);
    }

    public JobStatus withDockerIds(String newContainerId, String newServiceId, String newTaskId,
                                   String newNodeId) {
        return new JobStatus(phase, reason, message, backend, newContainerId, newServiceId, newTaskId,
                newNodeId, exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration);
    }

    public JobStatus withRun(Integer newExitCode, Instant newStartedAt, Instant newFinishedAt) {
        return new JobStatus(phase, reason, message, backend, containerId, serviceId, taskId, nodeId,
                newExitCode, attempts, createdAt, newStartedAt, newFinishedAt, observedGeneration);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return phase.isTerminal();
    }
}
