package dev.berth.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills a stopped server's database with finished jobs by copying, in SQL, one job that Berth
 * really ran to completion: its row, labels, events, attempts, steps and output, with new ids. Copying a real job
 * rather than writing rows by hand keeps the seed honest (Berth's own JSON, every event) and keeps
 * it right when the schema gains columns.
 */
final class StoreSeeder {
    private static final int CHUNK = 10_000;
    /** 26 characters from Berth's id alphabet, sorting before any real id (those start with the time). */
    private static final String NEW_ID = "'0000' || LPAD(CAST(r.X AS VARCHAR), 22, '0')";

    private StoreSeeder() {
    }

    static void copyJob(Path database, String templateId, int copies) throws SQLException {
        try (Connection connection = H2Files.open(database)) {
            connection.setAutoCommit(false);
            var statements = new ArrayList<String>();
            statements.add(copy(connection, "JOBS", "ID", Map.of("ID", NEW_ID, "NAME", "NULL")));
            for (String child : List.of("JOB_LABELS", "JOB_EVENTS", "JOB_ATTEMPTS", "JOB_STEPS", "JOB_OUTPUT")) {
                statements.add(copy(connection, child, "JOB_ID", Map.of("JOB_ID", NEW_ID)));
            }
            for (int from = 1; from <= copies; from += CHUNK) {
                int to = Math.min(copies, from + CHUNK - 1);
                for (String sql : statements) {
                    try (var insert = connection.prepareStatement(sql)) {
                        insert.setInt(1, from);
                        insert.setInt(2, to);
                        insert.setString(3, templateId);
                        insert.executeUpdate();
                    }
                }
                connection.commit();
            }
        }
    }

    /** Deleting a job takes its labels, events, attempts and output with it (the foreign keys cascade). */
    static void deleteJob(Path database, String id) throws SQLException {
        try (Connection connection = H2Files.open(database);
             var delete = connection.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    /** INSERT ... SELECT of every column but generated ones, with {@code replaced} columns computed. */
    private static String copy(Connection connection, String table, String keyColumn, Map<String, String> replaced)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (var rows = connection.getMetaData().getColumns(null, "PUBLIC", table, null)) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME");
                if ("YES".equals(rows.getString("IS_AUTOINCREMENT")) || "YES".equals(rows.getString("IS_GENERATEDCOLUMN"))) {
                    continue;
                }
                columns.add(column);
                values.add(replaced.getOrDefault(column, "t." + column));
            }
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM " + table + " t, SYSTEM_RANGE(?, ?) r WHERE t." + keyColumn + " = ?";
    }
}
