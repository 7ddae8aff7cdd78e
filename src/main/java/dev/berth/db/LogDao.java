package dev.berth.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(LogRow.class)
public interface LogDao {

    @SqlUpdate("DELETE FROM job_logs WHERE job_id = :jobId")
    void delete(@Bind("jobId") String jobId);

    @SqlUpdate("""
            INSERT INTO job_logs (job_id, content, dropped_bytes, captured_at)
            VALUES (:jobId, :content, :droppedBytes, :capturedAt)
            """)
    void insert(@BindMethods LogRow row);

    @SqlQuery("SELECT * FROM job_logs WHERE job_id = :jobId")
    Optional<LogRow> find(@Bind("jobId") String jobId);
}
