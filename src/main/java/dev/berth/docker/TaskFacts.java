package dev.berth.docker;

/**
 * The parts of a swarm task that decide a job's status, as Docker spells them: states are the
 * engine's lower-case words, ids may be empty text for "none yet", times are RFC 3339 text.
 * {@code exitCode} and the container times come from the task's container status, or from
 * inspecting its container when the task does not say; null when neither could tell.
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
        String containerFinishedAt) {
}
