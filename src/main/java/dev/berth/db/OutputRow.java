package dev.berth.db;

/** One row of job_output: one stream of one step's captured output. */
public record OutputRow(String jobId, int attempt, int stepIndex, String stream, String content, long droppedBytes,
                        long capturedAt) {
}
