package dev.berth.db;

/** One row of job_attempts. */
public record AttemptRow(String jobId, int number, String phase, String reason, String message, String backend,
                         String nodeId, String nodeHostname, Long startedAt, Long finishedAt, Integer exitCode) {
}
