package dev.berth.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(EventRow.class)
public interface EventDao {

    @SqlBatch("""
            INSERT INTO job_events (job_id, at, type, phase, reason, message, attempt)
            VALUES (:jobId, :at, :type, :phase, :reason, :message, :attempt)
            """)
    void insert(@BindMethods List<EventRow> events);

    @SqlQuery("SELECT * FROM job_events WHERE job_id = :jobId ORDER BY id")
    List<EventRow> forJob(@Bind("jobId") String jobId);
}
