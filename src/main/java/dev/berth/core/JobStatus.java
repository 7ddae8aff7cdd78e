package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The observed job: written only by the reconciler (and by a cancel of a job not yet launched).
 * Fields stay null until known. {@code startedAt}, {@code finishedAt} and the Docker ids are those
 * of the current attempt; {@code firstStartedAt} starts the deadline; {@code history} holds every
 * attempt that has ended.
 */
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
        long observedGeneration,
        Instant firstStartedAt,
        Instant nextAttemptAt,
        Instant expiresAt,
        List<AttemptRecord> history) {

    public JobStatus {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static JobStatus submitted(Instant now) {
        return new JobStatus(Phase.Pending, Reason.Submitted, "waiting to be launched",
                null, null, null, null, null, null, 0, now, null, null, 0, null, null, null, List.of());
    }

    public JobStatus withPhase(Phase newPhase, Reason newReason, String newMessage) {
        return new JobStatus(newPhase, newReason, newMessage, backend, containerId, serviceId, taskId, nodeId,
                exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration, firstStartedAt,
                nextAttemptAt, expiresAt, history);
    }

    /** The status of a fresh attempt: Docker ids and times of the previous one are cleared. */
    public JobStatus withNewAttempt(Backend newBackend, long generation, String newMessage) {
        return new JobStatus(Phase.Launching, Reason.Launched, newMessage, newBackend, null, null, null,
                null, null, attempts + 1, createdAt, null, null, generation, firstStartedAt, null, null, history);
    }

    public JobStatus withDockerIds(String newContainerId, String newServiceId, String newTaskId,
                                   String newNodeId) {
        return new JobStatus(phase, reason, message, backend, newContainerId, newServiceId, newTaskId,
                newNodeId, exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration,
                firstStartedAt, nextAttemptAt, expiresAt, history);
    }

    /** Times of the current attempt; the first start of any attempt is kept for the deadline. */
    public JobStatus withRun(Integer newExitCode, Instant newStartedAt, Instant newFinishedAt) {
        Instant first = firstStartedAt != null ? firstStartedAt : newStartedAt;
        return new JobStatus(phase, reason, message, backend, containerId, serviceId, taskId, nodeId,
                newExitCode, attempts, createdAt, newStartedAt, newFinishedAt, observedGeneration, first,
                nextAttemptAt, expiresAt, history);
    }

    /** The attempt that just ended goes into the history; a retry waits until {@code retryAt}. */
    public JobStatus withAttemptEnded(AttemptRecord ended, Instant retryAt, Instant newExpiresAt) {
        List<AttemptRecord> all = new ArrayList<>(history);
        all.add(ended);
        return new JobStatus(phase, reason, message, backend, containerId, serviceId, taskId, nodeId,
                exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration, firstStartedAt,
                retryAt, newExpiresAt, all);
    }

    public JobStatus withExpiresAt(Instant newExpiresAt) {
        return new JobStatus(phase, reason, message, backend, containerId, serviceId, taskId, nodeId,
                exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration, firstStartedAt,
                nextAttemptAt, newExpiresAt, history);
    }

    /** The status as it may be shown: every message in it (the history's too) with the secrets masked. */
    public JobStatus masked(SensitiveValues secrets) {
        if (secrets.isEmpty()) {
            return this;
        }
        List<AttemptRecord> shownHistory = history.stream().map(attempt -> attempt.withMessage(secrets.mask(attempt.message())))
                .toList();
        return new JobStatus(phase, reason, secrets.mask(message), backend, containerId, serviceId, taskId, nodeId,
                exitCode, attempts, createdAt, startedAt, finishedAt, observedGeneration, firstStartedAt,
                nextAttemptAt, expiresAt, shownHistory);
    }

    /** This attempt as it ended, for the history. */
    public AttemptRecord asAttempt() {
        return new AttemptRecord(attempts, backend, containerId, serviceId, exitCode, phase, reason, message,
                startedAt, finishedAt);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return phase.isTerminal();
    }
}
