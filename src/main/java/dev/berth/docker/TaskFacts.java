package dev.berth.docker;

/**
 * The parts of a swarm task that decide a job's status, as Docker spells them: states are the
 * engine's lower-case words, ids may be empty text for "none yet", times are RFC 3339 text.
 * {@code exitCode} and the container times come from the task's container status, or from
 * inspecting its container when the task does not say; null when neither could tell. The node's
 * hostname, state ({@code ready}, {@code down}, ...) and availability ({@code active}, {@code drain},
 * ...) are the manager's view of the task's node, null when it has no node or the manager forgot it.
 */
public record TaskFacts(
        String serviceId,
        String taskId,
        String nodeId,
        String containerId,
        String state,
        String desiredState,
        String error,
        String message,
        Long exitCode,
        String statusTimestamp,
        String containerStartedAt,
        String containerFinishedAt,
        String nodeHostname,
        String nodeState,
        String nodeAvailability) {

    /** The node's facts joined in. */
    TaskFacts withNode(SwarmNode node) {
        return node == null ? this : new TaskFacts(serviceId, taskId, nodeId, containerId, state, desiredState, error,
                message, exitCode, statusTimestamp, containerStartedAt, containerFinishedAt, node.hostname(),
                node.state(), node.availability());
    }

    /** The node's hostname where known, else its id. */
    String nodeName() {
        return nodeHostname != null ? nodeHostname : nodeId;
    }
}
