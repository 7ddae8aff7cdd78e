package dev.berth.db;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The reads every reconcile pass makes (the launched jobs and the queue heads, each with its latest
 * attempt) and the job listing clients poll: plain statements on the caller's handle, for the
 * reason {@link JobWrites} gives.
 */
final class JobReads {

    private static final JobRowMapper JOBS = new JobRowMapper();
    private static final AttemptDao.AttemptMapper ATTEMPTS = new AttemptDao.AttemptMapper();
    private static final AttemptDao.StepMapper STEPS = new AttemptDao.StepMapper();

    /**
     * Launching or Running, and Pending with reason Unschedulable: a swarm service that no node
     * can take yet is launched too (its attempt is live, and it counts against its queue). Two
     * index range scans: as one OR, the database would walk every queued job to test its reason.
     */
    private static final String LAUNCHED = """
            SELECT * FROM jobs WHERE phase IN ('Launching', 'Running')
            UNION ALL
            SELECT * FROM jobs WHERE phase = 'Pending' AND reason = 'Unschedulable'
            ORDER BY id
            """;

    private static final String LATEST_ATTEMPT_OF_LAUNCHED = """
            SELECT a.* FROM job_attempts a JOIN jobs j ON j.id = a.job_id AND a.number = j.attempts
            WHERE j.phase IN ('Launching', 'Running')
            UNION ALL
            SELECT a.* FROM job_attempts a JOIN jobs j ON j.id = a.job_id AND a.number = j.attempts
            WHERE j.phase = 'Pending' AND j.reason = 'Unschedulable'
            """;

    private static final String STEPS_OF_LATEST_OF_LAUNCHED = """
            SELECT s.* FROM job_steps s JOIN jobs j ON j.id = s.job_id AND s.attempt = j.attempts
            WHERE j.phase IN ('Launching', 'Running')
            UNION ALL
            SELECT s.* FROM job_steps s JOIN jobs j ON j.id = s.job_id AND s.attempt = j.attempts
            WHERE j.phase = 'Pending' AND j.reason = 'Unschedulable'
            ORDER BY job_id, step_index
            """;

    private static final String QUEUE_HEADS = """
            SELECT * FROM jobs WHERE phase = 'Pending' AND COALESCE(reason, '') <> 'Unschedulable' AND queue = :queue
                AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
            ORDER BY priority DESC, id LIMIT :limit
            """;

    /** Each owner is a value of the queue's fair-share label, "" for jobs without it. */
    private static final String QUEUE_HEADS_PER_OWNER = """
            SELECT * FROM (
                SELECT j.*, ROW_NUMBER() OVER (PARTITION BY COALESCE(l.label_value, '')
                                              ORDER BY j.priority DESC, j.id) AS owner_rank
                FROM jobs j LEFT JOIN job_labels l ON l.job_id = j.id AND l.label_key = :label
                WHERE j.phase = 'Pending' AND COALESCE(j.reason, '') <> 'Unschedulable' AND j.queue = :queue
                    AND (j.next_attempt_at IS NULL OR j.next_attempt_at <= :now)
            ) heads WHERE owner_rank <= :limit ORDER BY priority DESC, id
            """;

    private static final String LATEST_ATTEMPT_OF = """
            SELECT a.* FROM job_attempts a JOIN jobs j ON j.id = a.job_id AND a.number = j.attempts
            WHERE j.id IN (<ids>)
            """;

    private static final String STEPS_OF_LATEST_OF = """
            SELECT s.* FROM job_steps s JOIN jobs j ON j.id = s.job_id AND s.attempt = j.attempts
            WHERE j.id IN (<ids>) ORDER BY s.job_id, s.step_index
            """;

    private JobReads() {
    }

    static List<JobRow> launched(Handle handle) {
        return handle.createQuery(LAUNCHED).map(JOBS).list();
    }

    static List<AttemptRow> latestAttemptOfLaunched(Handle handle) {
        return handle.createQuery(LATEST_ATTEMPT_OF_LAUNCHED).map(ATTEMPTS).list();
    }

    static List<StepRow> stepsOfLatestOfLaunched(Handle handle) {
        return handle.createQuery(STEPS_OF_LATEST_OF_LAUNCHED).map(STEPS).list();
    }

    /** The first pending jobs of a queue in launch order, leaving out those whose retry is not due. */
    static List<JobRow> queueHeads(Handle handle, String queue, long now, int limit) {
        return handle.createQuery(QUEUE_HEADS).bind("queue", queue).bind("now", now).bind("limit", limit)
                .map(JOBS).list();
    }

    /** As {@link #queueHeads}, the first {@code limit} of each owner of a shared queue. */
    static List<JobRow> queueHeadsPerOwner(Handle handle, String queue, String label, long now, int limit) {
        return handle.createQuery(QUEUE_HEADS_PER_OWNER).bind("queue", queue).bind("label", label)
                .bind("now", now).bind("limit", limit).map(JOBS).list();
    }

    /** The latest attempt of each of these jobs (a pending job has one when it runs again). */
    static List<AttemptRow> latestAttemptOf(Handle handle, List<String> ids) {
        return handle.createQuery(LATEST_ATTEMPT_OF).bindList("ids", ids).map(ATTEMPTS).list();
    }

    static List<StepRow> stepsOfLatestOf(Handle handle, List<String> ids) {
        return handle.createQuery(STEPS_OF_LATEST_OF).bindList("ids", ids).map(STEPS).list();
    }

    /** A page of jobs, newest first; every filter is optional and labels must all match. */
    static List<JobRow> page(Handle handle, JobQuery query) {
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
        Query statement = handle.createQuery(sql.toString())
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
        return statement.map(JOBS).list();
    }
}
