package dev.berth.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * When Berth wrote each job's terminal phase. Berth stores a finished job's logs in the same
 * transaction as its terminal status, stamped with its own clock (job_logs.captured_at), while the
 * API only shows Docker's finish time. Read from the database file once its server has stopped.
 */
final class RecordedTimes {
    private RecordedTimes() {
    }

    static Map<String, Double> read(Path database) throws SQLException {
        Map<String, Double> recorded = new HashMap<>();
        try (var connection = H2Files.open(database);
             var rows = connection.createStatement().executeQuery("SELECT job_id, captured_at FROM job_logs")) {
            while (rows.next()) {
                recorded.put(rows.getString(1), (double) rows.getLong(2));
            }
        }
        return recorded;
    }
}
