package dev.berth.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.core.JobSpec;
import dev.berth.core.Secrets;
import dev.berth.core.SensitiveValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Moves what the previous release kept on the job row into attempt, step and output rows: every
 * attempt of the {@code attempt_history} JSON, the attempt that was live when it stopped (from the
 * row's own columns), and the captured logs as the {@code main} step's output of the latest attempt.
 * That release kept stdout and stderr in one text, so the output is stored as stream
 * {@code combined}, not split by guesswork. Sensitive values move out of the spec into the
 * {@code secrets} column, and where that release stored them in messages and logs they are masked
 * on the way: what is stored is now kept masked.
 */
public final class LegacyAttempts implements CustomTaskChange {
    private static final Set<String> LIVE = Set.of("Launching", "Running");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            // The logs first: they are masked with the values that moving the attempts takes out of the specs.
            moveLogs(connection);
            for (LegacyJob job : jobs(connection)) {
                moveAttempts(connection, job);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new CustomChangeException("could not move attempts and logs into their own tables", e);
        }
    }

    private record LegacyJob(String id, String phase, String reason, String message, String backend,
                             String containerId, String serviceId, String taskId, String nodeId, Integer exitCode,
                             int attempts, Long startedAt, Long finishedAt, String history, Secrets.Split spec) {

        SensitiveValues secrets() {
            return spec.secrets().masker();
        }
    }

    private static List<LegacyJob> jobs(Connection connection) throws SQLException, java.io.IOException {
        List<LegacyJob> jobs = new ArrayList<>();
        try (var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, spec, phase, reason, message, backend, container_id,"
                     + " service_id, task_id, node_id, exit_code, attempts, started_at, finished_at, attempt_history"
                     + " FROM jobs")) {
            while (rs.next()) {
                jobs.add(new LegacyJob(rs.getString("id"), rs.getString("phase"), rs.getString("reason"),
                        rs.getString("message"), rs.getString("backend"), rs.getString("container_id"),
                        rs.getString("service_id"), rs.getString("task_id"), rs.getString("node_id"),
                        (Integer) rs.getObject("exit_code", Integer.class), rs.getInt("attempts"),
                        rs.getObject("started_at", Long.class), rs.getObject("finished_at", Long.class),
                        rs.getString("attempt_history"), split(rs.getString("spec"))));
            }
        }
        return jobs;
    }

    private static void moveAttempts(Connection connection, LegacyJob job) throws SQLException, java.io.IOException {
        Set<Integer> moved = new HashSet<>();
        if (job.history() != null) {
            for (JsonNode attempt : JSON.readTree(job.history())) {
                int number = attempt.path("attempt").asInt();
                if (!moved.add(number)) {
                    continue; // an older release could record a retry's resolution failure twice
                }
                insert(connection, job, number, text(attempt, "phase"), text(attempt, "reason"),
                        text(attempt, "message"), text(attempt, "backend"), text(attempt, "containerId"),
                        text(attempt, "serviceId"), null, null,
                        attempt.hasNonNull("exitCode") ? attempt.get("exitCode").asInt() : null,
                        time(attempt, "startedAt"), time(attempt, "finishedAt"));
            }
        }
        // The attempt live at the stop, or the last one of a job that ended before attempts had a
        // history: the job row's own columns describe it.
        if (job.attempts() > 0 && !moved.contains(job.attempts())) {
            insert(connection, job, job.attempts(), job.phase(), job.reason(), job.message(), job.backend(),
                    job.containerId(), job.serviceId(), job.taskId(), job.nodeId(), job.exitCode(), job.startedAt(),
                    job.finishedAt());
        }
        if (!job.spec().secrets().isEmpty()) {
            try (PreparedStatement events = connection.prepareStatement(
                    "SELECT id, message FROM job_events WHERE job_id = ?");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE job_events SET message = ? WHERE id = ?")) {
                events.setString(1, job.id());
                try (ResultSet rs = events.executeQuery()) {
                    while (rs.next()) {
                        update.setString(1, job.secrets().mask(rs.getString("message")));
                        update.setLong(2, rs.getLong("id"));
                        update.executeUpdate();
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE jobs SET message = ?, spec = ?, secrets = ? WHERE id = ?")) {
                update.setString(1, job.secrets().mask(job.message()));
                update.setString(2, JSON.writeValueAsString(job.spec().shown()));
                update.setString(3, JSON.writeValueAsString(job.spec().secrets().values()));
                update.setString(4, job.id());
                update.executeUpdate();
            }
        }
    }

    private static void insert(Connection connection, LegacyJob job, int number, String phase, String reason,
                               String message, String backend, String containerId, String serviceId, String taskId,
                               String nodeId, Integer exitCode, Long startedAt, Long finishedAt) throws SQLException {
        String shown = job.secrets().mask(message);
        String kind = backend == null ? "container" : backend;
        try (PreparedStatement attempt = connection.prepareStatement("INSERT INTO job_attempts (job_id, number, phase,"
                + " reason, message, backend, node_id, started_at, finished_at, exit_code)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            set(attempt, job.id(), number, phase, reason, shown, kind, nodeId, startedAt, finishedAt, exitCode);
            attempt.executeUpdate();
        }
        try (PreparedStatement step = connection.prepareStatement("INSERT INTO job_steps (job_id, attempt, step_index,"
                + " name, phase, reason, message, exit_code, container_id, service_id, task_id, node_id, started_at,"
                + " finished_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            set(step, job.id(), number, JobSpec.MAIN_STEP, phase, reason, shown, exitCode, containerId, serviceId,
                    taskId, nodeId, startedAt, finishedAt);
            step.executeUpdate();
        }
    }

    /**
     * The previous release kept one log per job: that of the last attempt that ended, which for a
     * job still running its next attempt is the one before.
     */
    private static void moveLogs(Connection connection) throws SQLException, java.io.IOException {
        try (var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT l.job_id, l.content, l.dropped_bytes, l.captured_at,"
                     + " j.attempts, j.phase, j.spec FROM job_logs l JOIN jobs j ON j.id = l.job_id");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO job_output (job_id, attempt,"
                     + " step_index, stream, content, dropped_bytes, captured_at) VALUES (?, ?, 0, 'combined', ?, ?, ?)")) {
            while (rs.next()) {
                int ended = rs.getInt("attempts") - (LIVE.contains(rs.getString("phase")) ? 1 : 0);
                if (ended < 1) {
                    continue; // no attempt had ended: nothing the log could belong to
                }
                set(insert, rs.getString("job_id"), ended,
                        split(rs.getString("spec")).secrets().masker().mask(rs.getString("content")),
                        rs.getLong("dropped_bytes"),
                        rs.getLong("captured_at"));
                insert.executeUpdate();
            }
        }
    }

    /** The stored spec, its sensitive values taken out as a submission takes them out now. */
    private static Secrets.Split split(String spec) throws java.io.IOException {
        return Secrets.split(JSON.readValue(spec, JobSpec.class));
    }

    private static void set(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Long time(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()).toEpochMilli() : null;
    }

    @Override
    public String getConfirmationMessage() {
        return "moved attempts, steps and captured logs into their own tables";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
