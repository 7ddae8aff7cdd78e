package dev.berth.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** berth_instance: the one row naming this database's Berth, used to label its Docker objects. */
public interface InstanceDao {

    @SqlQuery("SELECT id FROM berth_instance ORDER BY created_at LIMIT 1")
    Optional<String> find();

    @SqlUpdate("INSERT INTO berth_instance (id, created_at) VALUES (:id, :createdAt)")
    void insert(@Bind("id") String id, @Bind("createdAt") long createdAt);

    @SqlQuery("SELECT 1")
    int ping();
}
