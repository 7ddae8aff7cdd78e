package dev.berth.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(EventRow.class)
public interface EventDao {

    @SqlQuery("SELECT * FROM job_events WHERE job_id = :jobId ORDER BY id")
    List<EventRow> forJob(@Bind("jobId") String jobId);
}
