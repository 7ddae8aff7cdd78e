package dev.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * Berth's embedded H2 database files, opened by the driver only while no server uses them (an
 * embedded H2 file has one user at a time).
 */
final class H2Files {
    private H2Files() {
    }

    static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:" + database.toAbsolutePath(), "sa", "");
    }

    static long count(Path database, String sql) throws SQLException {
        try (var connection = open(database); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Copies the directory that holds a stopped server's database files. */
    static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
