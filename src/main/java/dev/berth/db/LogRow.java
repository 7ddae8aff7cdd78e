package dev.berth.db;

/** One row of job_logs: the captured output of a job's last attempt. */
public record LogRow(String jobId, String content, long droppedBytes, long capturedAt) {
}
