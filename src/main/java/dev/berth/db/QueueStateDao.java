package dev.berth.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Which queues an operator paused; a queue without a row runs. */
public interface QueueStateDao {
    @SqlQuery("SELECT name FROM queue_states WHERE paused")
    List<String> paused();

    @SqlUpdate("UPDATE queue_states SET paused = :paused, changed_at = :now WHERE name = :name")
    int update(@Bind("name") String name, @Bind("paused") boolean paused, @Bind("now") long now);

    @SqlUpdate("INSERT INTO queue_states (name, paused, changed_at) VALUES (:name, :paused, :now)")
    void insert(@Bind("name") String name, @Bind("paused") boolean paused, @Bind("now") long now);
}
