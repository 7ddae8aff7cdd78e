package dev.berth.db;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The writes of a job's life: its insert with labels and first event, then at every transition
 * its status, attempt, steps, events and output. They run as plain statements on the caller's
 * transaction rather than through an attached SQL object, because an attach builds an invoker,
 * with a copy of the config, for every method of the interface: in a profile of a burst that was
 * an eighth of Berth's CPU, and these writes were most of the attaches.
 */
final class JobWrites {

    private static final String INSERT_JOB = """
            INSERT INTO jobs (id, name, labels, spec, secrets, generation, resolved, phase, reason, message,
                exit_code, attempts, created_at, started_at, finished_at, observed_generation, next_attempt_at,
                expires_at, node_losses, queue, priority, version, owner)
            VALUES (:id, :name, :labels, :spec, :secrets, :generation, :resolved, :phase, :reason, :message,
                :exitCode, :attempts, :createdAt, :startedAt, :finishedAt, :observedGeneration, :nextAttemptAt,
                :expiresAt, :nodeLosses, :queue, :priority, :version, :owner)
            """;

    private static final String INSERT_LABEL =
            "INSERT INTO job_labels (job_id, label_key, label_value) VALUES (:jobId, :key, :value)";

    /** A row without a resolved spec keeps the one stored (it is written once, at the first launch). */
    private static final String UPDATE_STATUS = """
            UPDATE jobs SET resolved = COALESCE(:resolved, resolved), phase = :phase, reason = :reason, message = :message,
                exit_code = :exitCode, attempts = :attempts, started_at = :startedAt, finished_at = :finishedAt,
                observed_generation = :observedGeneration, next_attempt_at = :nextAttemptAt,
                expires_at = :expiresAt, node_losses = :nodeLosses, version = version + 1
            WHERE id = :id AND version = :version
            """;

    private static final String INSERT_EVENT = """
            INSERT INTO job_events (job_id, at, type, phase, reason, message, attempt)
            VALUES (:jobId, :at, :type, :phase, :reason, :message, :attempt)
            """;

    private static final String UPDATE_ATTEMPT = """
            UPDATE job_attempts SET phase = :phase, reason = :reason, message = :message, backend = :backend,
                node_id = :nodeId, node_hostname = :nodeHostname, started_at = :startedAt,
                finished_at = :finishedAt, exit_code = :exitCode
            WHERE job_id = :jobId AND number = :number
            """;

    private static final String INSERT_ATTEMPT = """
            INSERT INTO job_attempts (job_id, number, phase, reason, message, backend, node_id, node_hostname,
                started_at, finished_at, exit_code)
            VALUES (:jobId, :number, :phase, :reason, :message, :backend, :nodeId, :nodeHostname, :startedAt,
                :finishedAt, :exitCode)
            """;

    private static final String UPDATE_STEP = """
            UPDATE job_steps SET name = :name, phase = :phase, reason = :reason, message = :message,
                exit_code = :exitCode, container_id = :containerId, service_id = :serviceId, task_id = :taskId,
                node_id = :nodeId, node_hostname = :nodeHostname, started_at = :startedAt, finished_at = :finishedAt
            WHERE job_id = :jobId AND attempt = :attempt AND step_index = :stepIndex
            """;

    private static final String INSERT_STEP = """
            INSERT INTO job_steps (job_id, attempt, step_index, name, phase, reason, message, exit_code,
                container_id, service_id, task_id, node_id, node_hostname, started_at, finished_at)
            VALUES (:jobId, :attempt, :stepIndex, :name, :phase, :reason, :message, :exitCode, :containerId,
                :serviceId, :taskId, :nodeId, :nodeHostname, :startedAt, :finishedAt)
            """;

    private static final String DELETE_OUTPUT =
            "DELETE FROM job_output WHERE job_id = :jobId AND attempt = :attempt AND step_index = :stepIndex";

    private static final String INSERT_OUTPUT = """
            INSERT INTO job_output (job_id, attempt, step_index, stream, content, dropped_bytes, captured_at)
            VALUES (:jobId, :attempt, :stepIndex, :stream, :content, :droppedBytes, :capturedAt)
            """;

    private JobWrites() {
    }

    static void insertJob(Handle handle, JobRow row, Map<String, String> labels) {
        handle.createUpdate(INSERT_JOB).bindMethods(row).execute();
        if (!labels.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(INSERT_LABEL);
            labels.forEach((key, value) -> batch.bind("jobId", row.id()).bind("key", key).bind("value", value).add());
            batch.execute();
        }
    }

    /** Writes a status only if nobody wrote the row since it was read: returns 0 when stale. */
    static int updateStatus(Handle handle, JobRow row) {
        return handle.createUpdate(UPDATE_STATUS).bindMethods(row).execute();
    }

    static void insertEvents(Handle handle, List<EventRow> events) {
        insertAll(handle, INSERT_EVENT, events);
    }

    /** Returns 0 when the attempt has no row yet. */
    static int updateAttempt(Handle handle, AttemptRow row) {
        return handle.createUpdate(UPDATE_ATTEMPT).bindMethods(row).execute();
    }

    static void insertAttempt(Handle handle, AttemptRow row) {
        handle.createUpdate(INSERT_ATTEMPT).bindMethods(row).execute();
    }

    static void updateStep(Handle handle, StepRow row) {
        handle.createUpdate(UPDATE_STEP).bindMethods(row).execute();
    }

    static void insertStep(Handle handle, StepRow row) {
        handle.createUpdate(INSERT_STEP).bindMethods(row).execute();
    }

    /** Replaces what was captured of one step of an attempt. */
    static void replaceOutput(Handle handle, String jobId, int attempt, int step, List<OutputRow> output) {
        handle.createUpdate(DELETE_OUTPUT).bind("jobId", jobId).bind("attempt", attempt).bind("stepIndex", step)
                .execute();
        insertAll(handle, INSERT_OUTPUT, output);
    }

    private static void insertAll(Handle handle, String sql, List<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        rows.forEach(row -> batch.bindMethods(row).add());
        batch.execute();
    }
}
