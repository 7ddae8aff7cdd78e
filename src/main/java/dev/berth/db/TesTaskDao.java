package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** tes_tasks: one row per job submitted through the TES API. */
@RegisterConstructorMapper(TesTaskRow.class)
public interface TesTaskDao extends SqlObject {

    @SqlUpdate("""
            INSERT INTO tes_tasks (job_id, name, task, staging, finished_at, outputs, problem, notes)
            VALUES (:jobId, :name, :task, :staging, :finishedAt, :outputs, :problem, :notes)
            """)
    void insert(@BindMethods TesTaskRow row);

    @SqlQuery("SELECT * FROM tes_tasks WHERE job_id = :jobId")
    Optional<TesTaskRow> find(@Bind("jobId") String jobId);

    /** Tasks whose job ended and whose outputs and staged files were not handled yet. */
    @SqlQuery("""
            SELECT t.* FROM tes_tasks t JOIN jobs j ON j.id = t.job_id
            WHERE t.finished_at IS NULL AND j.phase IN ('Succeeded', 'Failed', 'Cancelled')
            ORDER BY t.job_id LIMIT :limit
            """)
    List<TesTaskRow> ended(@Bind("limit") int limit);

    /** Conditional: the first process to handle a task's outputs records them, a second one nothing. */
    @SqlUpdate("""
            UPDATE tes_tasks SET finished_at = :finishedAt, outputs = :outputs, problem = :problem
            WHERE job_id = :jobId AND finished_at IS NULL
            """)
    int finish(@Bind("jobId") String jobId, @Bind("finishedAt") long finishedAt, @Bind("outputs") String outputs,
               @Bind("problem") String problem);

    /** The staging key, if a task not finished yet names it. */
    @SqlQuery("SELECT staging FROM tes_tasks WHERE staging = :staging AND finished_at IS NULL")
    Optional<String> unfinishedStaging(@Bind("staging") String staging);

    /** The ids of a page of tasks, newest first; every filter is optional and every tag must be on the task. */
    default List<String> page(TesTaskQuery query) {
        StringBuilder sql = new StringBuilder("SELECT t.job_id FROM tes_tasks t JOIN jobs j ON j.id = t.job_id"
                + " WHERE 1 = 1");
        if (query.namePrefix() != null) {
            sql.append(" AND t.name LIKE :prefix ESCAPE '!'");
        }
        if (query.after() != null) {
            sql.append(" AND t.job_id < :after");
        }
        if (query.owner() != null) {
            sql.append(" AND j.owner = :owner");
        }
        int i = 0;
        for (var tag : query.tags().entrySet()) {
            sql.append(" AND t.job_id IN (SELECT job_id FROM job_labels WHERE label_key = :key").append(i);
            if (!tag.getValue().isEmpty()) {
                sql.append(" AND label_value = :value").append(i);
            }
            sql.append(')');
            i++;
        }
        sql.append(" ORDER BY t.job_id DESC LIMIT :limit");
        var statement = getHandle().createQuery(sql.toString())
                .bind("prefix", query.namePrefix() == null ? null : likePrefix(query.namePrefix()))
                .bind("after", query.after())
                .bind("owner", query.owner())
                .bind("limit", query.limit() + 1);
        i = 0;
        for (var tag : query.tags().entrySet()) {
            statement.bind("key" + i, tag.getKey()).bind("value" + i, tag.getValue());
            i++;
        }
        return statement.mapTo(String.class).list();
    }

    /** A LIKE pattern matching what starts with the prefix: its own %, _ and ! taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
