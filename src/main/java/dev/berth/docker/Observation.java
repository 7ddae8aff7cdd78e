package dev.berth.docker;

import dev.berth.core.Phase;
import dev.berth.core.Reason;
import java.time.Instant;

/** What Docker says of one job attempt, already translated into Berth's words. */
public record Observation(
        Phase phase,
        Reason reason,
        String message,
        Integer exitCode,
        Instant startedAt,
        Instant finishedAt,
        String containerId,
        String serviceId,
        String taskId,
        String nodeId) {

    public boolean isTerminal() {
        return phase.isTerminal();
    }
}
