package dev.berth.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** job_output: captured output, by job, attempt, step and stream. */
@RegisterConstructorMapper(OutputRow.class)
public interface OutputDao {

    @SqlQuery("SELECT * FROM job_output WHERE job_id = :jobId AND attempt = :attempt ORDER BY step_index, stream")
    List<OutputRow> ofAttempt(@Bind("jobId") String jobId, @Bind("attempt") int attempt);
}
