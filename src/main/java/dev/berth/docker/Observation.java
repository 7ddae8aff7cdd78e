package dev.berth.docker;

import dev.berth.core.Phase;
import dev.berth.core.Reason;
import java.time.Instant;

/**
 * What Docker says of one step, already translated into Berth's words. {@code nodeHostname} is the
 * swarm node's name (null for a container). {@code stranded} is not null when the task may have been
 * lost with its node (the node is down, or the swarm shut the task down and the node never said it
 * stopped): it says why, and only time tells whether the node comes back.
 */
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
        String nodeId,
        String nodeHostname,
        String stranded) {

    /** A container's view: no swarm node. */
    public Observation(Phase phase, Reason reason, String message, Integer exitCode, Instant startedAt,
                       Instant finishedAt, String containerId, String serviceId, String taskId, String nodeId) {
        this(phase, reason, message, exitCode, startedAt, finishedAt, containerId, serviceId, taskId, nodeId, null,
                null);
    }

    /** This observation, saying why its task may be lost with its node (null: it is not). */
    public Observation stranded(String why) {
        return new Observation(phase, reason, message, exitCode, startedAt, finishedAt, containerId, serviceId, taskId,
                nodeId, nodeHostname, why);
    }

    public boolean isTerminal() {
        return phase.isTerminal();
    }
}
