package dev.berth.bench;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where a benchmark server keeps its records: an H2 file of its own (the default), or a database
 * of its own, created empty, on the PostgreSQL cluster scripts/bench started.
 */
record BenchStore(String name, Path h2File, Map<String, String> overrides, String url, String user, String password) {

    static BenchStore h2(Path file) {
        return new BenchStore("H2", file, Map.of(), null, null, null);
    }

    /** A new, empty database {@code database} on the server of -Dbench.postgres (host:port). */
    static BenchStore postgres(String database) throws SQLException {
        String server = System.getProperty("bench.postgres", "");
        if (server.isBlank()) {
            throw new IllegalStateException("no PostgreSQL server given (scripts/bench passes bench.postgres)");
        }
        String user = System.getProperty("bench.postgresUser", "berth");
        String password = System.getProperty("bench.postgresPassword", "");
        try (var admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user, password);
             var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        String url = "jdbc:postgresql://" + server + "/" + database;
        return new BenchStore("PostgreSQL", null, Map.of("database.driverClass", "org.postgresql.Driver",
                "database.url", url, "database.user", user, "database.password", password), url, user, password);
    }

    static boolean postgresGiven() {
        return !System.getProperty("bench.postgres", "").isBlank();
    }

    /** A count read once the servers have stopped (an H2 file has one user at a time). */
    long count(String sql) throws SQLException {
        if (h2File != null) {
            return H2Files.count(h2File, sql);
        }
        try (var connection = DriverManager.getConnection(url, user, password);
             var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
