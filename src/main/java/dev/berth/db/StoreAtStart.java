package dev.berth.db;

import dev.berth.core.RefusedStartException;
import io.dropwizard.db.DataSourceFactory;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One connection to the store before anything else uses it, so that the two failures an operator
 * meets at start are told in words rather than in the pool's stack traces: an H2 file that another
 * process has open (H2 lets one process use a file: a second Berth on it must not start, let alone
 * write), and a database server that cannot be reached.
 */
final class StoreAtStart {
    /** H2's DATABASE_ALREADY_OPEN_1: the file is locked by another process. */
    private static final int H2_FILE_IN_USE = 90020;
    /** SQLSTATE class 08: the connection could not be made (refused, unknown host, timed out). */
    private static final String CONNECTION_FAILED = "08";

    private StoreAtStart() {
    }

    static void probe(DataSourceFactory factory) throws ClassNotFoundException {
        Class.forName(factory.getDriverClass());
        String url = factory.getUrl();
        try (var connection = DriverManager.getConnection(url, factory.getUser(), factory.getPassword())) {
            connection.isValid(0);
        } catch (SQLException e) {
            if (url.startsWith("jdbc:h2:") && e.getErrorCode() == H2_FILE_IN_USE) {
                throw new RefusedStartException("another process has the H2 database " + url + " open (another"
                        + " Berth with the same database.url?), and H2 lets only one process use a file. Stop the"
                        + " other one, give this one a database.url of its own, or keep the records on PostgreSQL"
                        + " to run several instances (docs/operations.md).", e);
            }
            String state = e.getSQLState();
            if (state != null && state.startsWith(CONNECTION_FAILED)) {
                throw new RefusedStartException("cannot reach the database at " + url + ": " + e.getMessage()
                        + " Check that it runs and that database.url, user and password are right.", e);
            }
            throw new RefusedStartException("cannot open the database at " + url + ": " + e.getMessage(), e);
        }
    }
}
