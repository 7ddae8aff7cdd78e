package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(JobRowMapper.class)
public interface JobDao extends SqlObject {

    @SqlUpdate("""
            INSERT INTO jobs (id, name, labels, spec, secrets, generation, resolved, phase, reason, message,
                exit_code, attempts, created_at, started_at, finished_at, observed_generation, next_attempt_at,
                expires_at, node_losses, queue, priority, version, owner)
            VALUES (:id, :name, :labels, :spec, :secrets, :generation, :resolved, :phase, :reason, :message,
                :exitCode, :attempts, :createdAt, :startedAt, :finishedAt, :observedGeneration, :nextAttemptAt,
                :expiresAt, :nodeLosses, :queue, :priority, :version, :owner)
            """)
    void insert(@BindMethods JobRow row);

    @SqlQuery("SELECT * FROM jobs WHERE id = :id")
    Optional<JobRow> find(@Bind("id") String id);

    @SqlQuery("SELECT * FROM jobs WHERE name = :name")
    Optional<JobRow> findByName(@Bind("name") String name);

    /**
     * Launching or Running, and Pending with reason Unschedulable: a swarm service that no node
     * can take yet is launched too (its attempt is live, and it counts against its queue). Two
     * index range scans: as one OR, the database would walk every queued job to test its reason.
     */
    @SqlQuery("""
            SELECT * FROM jobs WHERE phase IN ('Launching', 'Running')
            UNION ALL
            SELECT * FROM jobs WHERE phase = 'Pending' AND reason = 'Unschedulable'
            ORDER BY id
            """)
    List<JobRow> launched();

    /** The first pending jobs of a queue in launch order, leaving out those whose retry is not due. */
    @SqlQuery("""
            SELECT * FROM jobs WHERE phase = 'Pending' AND COALESCE(reason, '') <> 'Unschedulable' AND queue = :queue
                AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
            ORDER BY priority DESC, id LIMIT :limit
            """)
    List<JobRow> queueHeads(@Bind("queue") String queue, @Bind("now") long now, @Bind("limit") int limit);

    /**
     * The first pending jobs of each owner of a shared queue (a value of its fair-share label, ""
     * without it) in launch order, leaving out those whose retry is not due.
     */
    @SqlQuery("""
            SELECT * FROM (
                SELECT j.*, ROW_NUMBER() OVER (PARTITION BY COALESCE(l.label_value, '')
                                              ORDER BY j.priority DESC, j.id) AS owner_rank
                FROM jobs j LEFT JOIN job_labels l ON l.job_id = j.id AND l.label_key = :label
                WHERE j.phase = 'Pending' AND COALESCE(j.reason, '') <> 'Unschedulable' AND j.queue = :queue
                    AND (j.next_attempt_at IS NULL OR j.next_attempt_at <= :now)
            ) heads WHERE owner_rank <= :limit ORDER BY priority DESC, id
            """)
    List<JobRow> queueHeadsPerOwner(@Bind("queue") String queue, @Bind("label") String label, @Bind("now") long now,
                                    @Bind("limit") int limit);

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
     * Writes a status only if nobody wrote the row since it was read: returns 0 when stale. A row
     * without a resolved spec keeps the one stored (it is written once, at the first launch).
     */
    @SqlUpdate("""
            UPDATE jobs SET resolved = COALESCE(:resolved, resolved), phase = :phase, reason = :reason, message = :message,
                exit_code = :exitCode, attempts = :attempts, started_at = :startedAt, finished_at = :finishedAt,
                observed_generation = :observedGeneration, next_attempt_at = :nextAttemptAt,
                expires_at = :expiresAt, node_losses = :nodeLosses, version = version + 1
            WHERE id = :id AND version = :version
            """)
    int updateStatus(@BindMethods JobRow row);

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

    /** A page of jobs, newest first; every filter is optional and labels must all match. */
    default List<JobRow> page(JobQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM jobs WHERE 1 = 1");
        if (query.phase() != null) {
            sql.append(" AND phase = :phase");
        }
        if (query.after() != null) {
            sql.append(" AND id < :after");
        }
        if (query.owner() != null) {
            sql.append(" AND owner = :owner");
        }
        if (query.queue() != null) {
            sql.append(" AND queue = :queue");
        }
        for (int i = 0; i < query.labels().size(); i++) {
            sql.append(" AND id IN (SELECT job_id FROM job_labels WHERE label_key = :key").append(i)
                    .append(" AND label_value = :value").append(i).append(')');
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        var statement = getHandle().createQuery(sql.toString())
                .bind("phase", query.phase())
                .bind("after", query.after())
                .bind("owner", query.owner())
                .bind("queue", query.queue())
                .bind("limit", query.limit() + 1);
        int i = 0;
        for (var label : query.labels().entrySet()) {
            statement.bind("key" + i, label.getKey()).bind("value" + i, label.getValue());
            i++;
        }
        return statement.map(new JobRowMapper()).list();
    }
}
