package dev.berth.db;

/** One row of the jobs table, as stored: JSON columns are text, times epoch milliseconds. */
public record JobRow(
        String id,
        String name,
        String labels,
        String spec,
        String secrets,
        long generation,
        String resolved,
        String phase,
        String reason,
        String message,
        Integer exitCode,
        int attempts,
        long createdAt,
        Long startedAt,
        Long finishedAt,
        long observedGeneration,
        Long nextAttemptAt,
        Long expiresAt,
        int nodeLosses,
        String queue,
        int priority,
        long version,
        String owner) {

    /**
     * Without the spec, secrets and resolved spec: JDBI quotes its arguments in the message of a
     * failed statement, and that message reaches the server's log.
     */
    @Override
    public String toString() {
        return "JobRow[id=" + id + ", phase=" + phase + ", attempts=" + attempts + ", version=" + version + "]";
    }
}
