package dev.berth.db;

import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;

/** Tells a store that cannot be reached (down, restarting, the network between) from any other failure. */
public final class StoreFailures {
    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now: a server going or coming. */
    private static final Set<String> SERVER_GOING = Set.of("57P01", "57P02", "57P03");

    private StoreFailures() {
    }

    /** True when {@code e} (or a cause of it) says the database could not be reached or went away. */
    public static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
