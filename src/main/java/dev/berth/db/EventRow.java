package dev.berth.db;

/** One row of job_events. */
public record EventRow(String jobId, long at, String type, String phase, String reason, String message,
                       int attempt) {
}
