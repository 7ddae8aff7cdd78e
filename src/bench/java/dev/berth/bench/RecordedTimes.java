package dev.berth.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * When Berth wrote each job's terminal phase. Berth stores a finished step's output in the same
 * transaction as the status it leads to, stamped with its own clock (job_output.captured_at); for
 * the benchmark's one-step jobs that is the terminal status, while the API only shows Docker's
 * finish time. Read from the database file once its server has stopped.
 */
final class RecordedTimes {
    private RecordedTimes() {
    }

    static Map<String, Double> read(Path database) throws SQLException {
        Map<String, Double> recorded = new HashMap<>();
        try (var connection = H2Files.open(database);
             var rows = connection.createStatement().executeQuery("SELECT job_id, MAX(captured_at) FROM job_output GROUP BY job_id")) {
            while (rows.next()) {
                recorded.put(rows.getString(1), (double) rows.getLong(2));
            }
        }
        return recorded;
    }
}
