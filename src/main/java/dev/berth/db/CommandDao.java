package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * commands: every registered version. "Newest" is the highest {@code seq}, the order of
 * registration, because version strings ("1.6", "v1.0.8-rc") have no order of their own.
 */
@RegisterConstructorMapper(CommandRow.class)
public interface CommandDao {

    @SqlQuery("SELECT * FROM commands WHERE name = :name ORDER BY seq DESC LIMIT 1")
    Optional<CommandRow> newest(@Bind("name") String name);

    @SqlQuery("SELECT * FROM commands WHERE name = :name AND version = :version")
    Optional<CommandRow> find(@Bind("name") String name, @Bind("version") String version);

    @SqlQuery("SELECT * FROM commands ORDER BY name, seq DESC")
    List<CommandRow> all();

    @SqlQuery("SELECT * FROM commands WHERE name = :name ORDER BY seq DESC")
    List<CommandRow> versions(@Bind("name") String name);

    @SqlUpdate("DELETE FROM commands WHERE name = :name AND version = :version")
    int delete(@Bind("name") String name, @Bind("version") String version);

    @SqlUpdate("DELETE FROM commands WHERE name = :name")
    int deleteAll(@Bind("name") String name);

    @SqlQuery("SELECT COALESCE(MAX(seq), 0) FROM commands")
    long maxSeq();

    @SqlUpdate("INSERT INTO commands (name, version, definition, registered_at, seq) "
            + "VALUES (:name, :version, :definition, :registeredAt, :seq)")
    void insert(@BindMethods CommandRow row);

    /** Create or replace: a replaced version becomes the newest, as a fresh registration would. */
    @Transaction
    default CommandRow put(String name, String version, String definition, long now) {
        delete(name, version);
        CommandRow row = new CommandRow(name, version, definition, now, maxSeq() + 1);
        insert(row);
        return row;
    }
}
