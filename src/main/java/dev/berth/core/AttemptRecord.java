package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** How one attempt of a job ended: kept in the status so that retries leave a readable trail. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptRecord(int attempt, Backend backend, String containerId, String serviceId, Integer exitCode,
                            Phase phase, Reason reason, String message, Instant startedAt, Instant finishedAt) {

    public AttemptRecord withMessage(String newMessage) {
        return new AttemptRecord(attempt, backend, containerId, serviceId, exitCode, phase, reason, newMessage,
                startedAt, finishedAt);
    }
}
