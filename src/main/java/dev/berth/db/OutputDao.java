package dev.berth.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** job_output: captured output, by job, attempt, step and stream. */
@RegisterConstructorMapper(OutputRow.class)
public interface OutputDao {

    @SqlUpdate("DELETE FROM job_output WHERE job_id = :jobId AND attempt = :attempt AND step_index = :stepIndex")
    void delete(@Bind("jobId") String jobId, @Bind("attempt") int attempt, @Bind("stepIndex") int stepIndex);

    @SqlBatch("""
            INSERT INTO job_output (job_id, attempt, step_index, stream, content, dropped_bytes, captured_at)
            VALUES (:jobId, :attempt, :stepIndex, :stream, :content, :droppedBytes, :capturedAt)
            """)
    void insert(@BindMethods List<OutputRow> rows);

    @SqlQuery("SELECT * FROM job_output WHERE job_id = :jobId AND attempt = :attempt ORDER BY step_index, stream")
    List<OutputRow> ofAttempt(@Bind("jobId") String jobId, @Bind("attempt") int attempt);
}
