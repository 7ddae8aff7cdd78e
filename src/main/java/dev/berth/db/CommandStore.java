package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Registered commands, every version kept. A command without a version is stored under the empty
 * version, so that it can be replaced and pinned like any other.
 */
public class CommandStore {
    private final Jdbi jdbi;
    private final SerialWrites writes;

    /** Writes one at a time, as an H2 database needs them. */
    public CommandStore(Jdbi jdbi) {
        this(jdbi, SerialWrites.oneAtATime());
    }

    /** {@code writes} is shared with the job store: it is the database that needs one writer. */
    public CommandStore(Jdbi jdbi, SerialWrites writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    public CommandRow put(String name, String version, String definition, long now) {
        return writes.write(() -> jdbi.withExtension(CommandDao.class,
                dao -> dao.put(name, key(version), definition, now)));
    }

    /** The pinned version, or the newest when {@code version} is null. */
    public Optional<CommandRow> find(String name, String version) {
        return jdbi.withExtension(CommandDao.class,
                dao -> version == null ? dao.newest(name) : dao.find(name, key(version)));
    }

    public List<CommandRow> versions(String name) {
        return jdbi.withExtension(CommandDao.class, dao -> dao.versions(name));
    }

    public List<CommandRow> all() {
        return jdbi.withExtension(CommandDao.class, CommandDao::all);
    }

    /** Deletes one version, or every version when {@code version} is null; returns how many. */
    public int delete(String name, String version) {
        return writes.write(() -> jdbi.withExtension(CommandDao.class,
                dao -> version == null ? dao.deleteAll(name) : dao.delete(name, key(version))));
    }

    private static String key(String version) {
        return version == null ? "" : version;
    }
}
