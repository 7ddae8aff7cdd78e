package dev.berth.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** job_attempts and job_steps: a job's runs, each with its steps. */
@RegisterRowMapper(AttemptDao.AttemptMapper.class)
@RegisterRowMapper(AttemptDao.StepMapper.class)
public interface AttemptDao {

    @SqlQuery("SELECT * FROM job_attempts WHERE job_id = :jobId ORDER BY number")
    List<AttemptRow> attempts(@Bind("jobId") String jobId);

    @SqlQuery("SELECT * FROM job_steps WHERE job_id = :jobId ORDER BY attempt, step_index")
    List<StepRow> steps(@Bind("jobId") String jobId);

    @SqlQuery("SELECT * FROM job_attempts WHERE job_id = :jobId AND number = :number")
    List<AttemptRow> attempt(@Bind("jobId") String jobId, @Bind("number") int number);

    @SqlQuery("SELECT * FROM job_steps WHERE job_id = :jobId AND attempt = :number ORDER BY step_index")
    List<StepRow> stepsOf(@Bind("jobId") String jobId, @Bind("number") int number);

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
