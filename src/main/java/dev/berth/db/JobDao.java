package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(JobRowMapper.class)
public interface JobDao {

    @SqlQuery("SELECT * FROM jobs WHERE id = :id")
    Optional<JobRow> find(@Bind("id") String id);

    @SqlQuery("SELECT * FROM jobs WHERE name = :name")
    Optional<JobRow> findByName(@Bind("name") String name);

    /**
     * How many pending jobs of the queue go before this one: higher priority, or the same and older.
     * Two counts, each a range of the heads index: with one OR the whole queue's entries were read,
     * so that asking for a job near the front of a long queue cost as much as for the last.
     */
    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM jobs WHERE phase = 'Pending' AND queue = :queue AND priority > :priority
                        AND COALESCE(reason, '') <> 'Unschedulable')
                 + (SELECT COUNT(*) FROM jobs WHERE phase = 'Pending' AND queue = :queue AND priority = :priority
                        AND id < :id AND COALESCE(reason, '') <> 'Unschedulable')
            """)
    long aheadInQueue(@Bind("queue") String queue, @Bind("priority") int priority, @Bind("id") String id);

    /** Live jobs by queue and phase, for the queues' view; a job waiting for a node counts as Launching. */
    @SqlQuery("""
            SELECT queue, CASE WHEN reason = 'Unschedulable' THEN 'Launching' ELSE phase END AS phase,
                COUNT(*) AS jobs
            FROM jobs WHERE phase IN ('Pending', 'Launching', 'Running')
            GROUP BY queue, CASE WHEN reason = 'Unschedulable' THEN 'Launching' ELSE phase END
            """)
    @RegisterRowMapper(QueueCountMapper.class)
    List<QueueCount> liveByQueue();

    /** Every job by queue and phase. */
    @SqlQuery("SELECT queue, phase, COUNT(*) AS jobs FROM jobs GROUP BY queue, phase")
    @RegisterRowMapper(QueueCountMapper.class)
    List<QueueCount> byQueueAndPhase();

    /**
     * A spec change (after acceptance only {@code desired}, and the queue and priority of a job that
     * waits to launch, change), conditional like a status write.
     */
    @SqlUpdate("""
            UPDATE jobs SET spec = :spec, generation = :generation, queue = :queue, priority = :priority,
                version = version + 1
            WHERE id = :id AND version = :version
            """)
    int updateSpec(@Bind("id") String id, @Bind("spec") String spec, @Bind("generation") long generation,
                   @Bind("queue") String queue, @Bind("priority") int priority, @Bind("version") long version);

    @SqlUpdate("DELETE FROM jobs WHERE id = :id")
    int delete(@Bind("id") String id);

    /** Finished jobs whose retention ran out; their labels, events, attempts and output go with them (cascade). */
    @SqlUpdate("DELETE FROM jobs WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") long now);

    @SqlQuery("SELECT COUNT(*) FROM jobs")
    long count();

    @SqlQuery("SELECT COUNT(*) FROM jobs WHERE owner = :owner AND phase IN ('Pending', 'Launching', 'Running')")
    long countActive(@Bind("owner") String owner);

}
