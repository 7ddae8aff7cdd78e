package dev.berth.db;

/** One row of job_steps. */
public record StepRow(String jobId, int attempt, int stepIndex, String name, String phase, String reason,
                      String message, Integer exitCode, String containerId, String serviceId, String taskId,
                      String nodeId, String nodeHostname, Long startedAt, Long finishedAt) {
}
