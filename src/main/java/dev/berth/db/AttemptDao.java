package dev.berth.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** job_attempts and job_steps: a job's runs, each with its steps. */
@RegisterRowMapper(AttemptDao.AttemptMapper.class)
@RegisterRowMapper(AttemptDao.StepMapper.class)
public interface AttemptDao {

    @SqlUpdate("""
            UPDATE job_attempts SET phase = :phase, reason = :reason, message = :message, backend = :backend,
                node_id = :nodeId, node_hostname = :nodeHostname, started_at = :startedAt,
                finished_at = :finishedAt, exit_code = :exitCode
            WHERE job_id = :jobId AND number = :number
            """)
    int updateAttempt(@BindMethods AttemptRow row);

    @SqlUpdate("""
            INSERT INTO job_attempts (job_id, number, phase, reason, message, backend, node_id, node_hostname,
                started_at, finished_at, exit_code)
            VALUES (:jobId, :number, :phase, :reason, :message, :backend, :nodeId, :nodeHostname, :startedAt,
                :finishedAt, :exitCode)
            """)
    void insertAttempt(@BindMethods AttemptRow row);

    @SqlUpdate("""
            UPDATE job_steps SET name = :name, phase = :phase, reason = :reason, message = :message,
                exit_code = :exitCode, container_id = :containerId, service_id = :serviceId, task_id = :taskId,
                node_id = :nodeId, node_hostname = :nodeHostname, started_at = :startedAt, finished_at = :finishedAt
            WHERE job_id = :jobId AND attempt = :attempt AND step_index = :stepIndex
            """)
    int updateStep(@BindMethods StepRow row);

    @SqlUpdate("""
            INSERT INTO job_steps (job_id, attempt, step_index, name, phase, reason, message, exit_code,
                container_id, service_id, task_id, node_id, node_hostname, started_at, finished_at)
            VALUES (:jobId, :attempt, :stepIndex, :name, :phase, :reason, :message, :exitCode, :containerId,
                :serviceId, :taskId, :nodeId, :nodeHostname, :startedAt, :finishedAt)
            """)
    void insertStep(@BindMethods StepRow row);

    @SqlQuery("SELECT * FROM job_attempts WHERE job_id = :jobId ORDER BY number")
    List<AttemptRow> attempts(@Bind("jobId") String jobId);

    @SqlQuery("SELECT * FROM job_steps WHERE job_id = :jobId ORDER BY attempt, step_index")
    List<StepRow> steps(@Bind("jobId") String jobId);

    @SqlQuery("SELECT * FROM job_attempts WHERE job_id = :jobId AND number = :number")
    List<AttemptRow> attempt(@Bind("jobId") String jobId, @Bind("number") int number);

    @SqlQuery("SELECT * FROM job_steps WHERE job_id = :jobId AND attempt = :number ORDER BY step_index")
    List<StepRow> stepsOf(@Bind("jobId") String jobId, @Bind("number") int number);

    /**
     * The latest attempt of every launched job (Launching, Running, or Pending for want of a node),
     * read as JobDao.launched reads the jobs: two index range scans, not one OR over every pending job.
     */
    @SqlQuery("""
            SELECT a.* FROM job_attempts a JOIN jobs j ON j.id = a.job_id AND a.number = j.attempts
            WHERE j.phase IN ('Launching', 'Running')
            UNION ALL
            SELECT a.* FROM job_attempts a JOIN jobs j ON j.id = a.job_id AND a.number = j.attempts
            WHERE j.phase = 'Pending' AND j.reason = 'Unschedulable'
            """)
    List<AttemptRow> latestOfLaunched();

    @SqlQuery("""
            SELECT s.* FROM job_steps s JOIN jobs j ON j.id = s.job_id AND s.attempt = j.attempts
            WHERE j.phase IN ('Launching', 'Running')
            UNION ALL
            SELECT s.* FROM job_steps s JOIN jobs j ON j.id = s.job_id AND s.attempt = j.attempts
            WHERE j.phase = 'Pending' AND j.reason = 'Unschedulable'
            ORDER BY job_id, step_index
            """)
    List<StepRow> stepsOfLatestOfLaunched();

    /** The latest attempt of each of these jobs (a pending job has one when it runs again). */
    @SqlQuery("""
            SELECT a.* FROM job_attempts a JOIN jobs j ON j.id = a.job_id AND a.number = j.attempts
            WHERE j.id IN (<ids>)
            """)
    List<AttemptRow> latestOf(@BindList("ids") List<String> ids);

    @SqlQuery("""
            SELECT s.* FROM job_steps s JOIN jobs j ON j.id = s.job_id AND s.attempt = j.attempts
            WHERE j.id IN (<ids>) ORDER BY s.job_id, s.step_index
            """)
    List<StepRow> stepsOfLatestOf(@BindList("ids") List<String> ids);

    final class AttemptMapper implements RowMapper<AttemptRow> {
        @Override
        public AttemptRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AttemptRow(rs.getString("job_id"), rs.getInt("number"), rs.getString("phase"),
                    rs.getString("reason"), rs.getString("message"), rs.getString("backend"), rs.getString("node_id"),
                    rs.getString("node_hostname"), Columns.along(rs, "started_at"), Columns.along(rs, "finished_at"), Columns.integer(rs, "exit_code"));
        }
    }

    final class StepMapper implements RowMapper<StepRow> {
        @Override
        public StepRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StepRow(rs.getString("job_id"), rs.getInt("attempt"), rs.getInt("step_index"),
                    rs.getString("name"), rs.getString("phase"), rs.getString("reason"), rs.getString("message"),
                    Columns.integer(rs, "exit_code"), rs.getString("container_id"), rs.getString("service_id"),
                    rs.getString("task_id"), rs.getString("node_id"), rs.getString("node_hostname"),
                    Columns.along(rs, "started_at"),
                    Columns.along(rs, "finished_at"));
        }
    }
}
