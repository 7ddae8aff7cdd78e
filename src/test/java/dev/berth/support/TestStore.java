package dev.berth.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the tests keep Berth's records. By default each test store is a real H2 file; when the
 * suite runs with {@code berth.test.store=postgresql} (scripts/test runs it so a second time, on the
 * PostgreSQL server it started: {@code berth.postgres}), each is a database of its own there,
 * created empty the first time this JVM asks for it. The same tests, the same assertions.
 */
public final class TestStore {
    private static final String KIND = System.getProperty("berth.test.store", "h2");
    private static final String SERVER = System.getProperty("berth.postgres", "");
    private static final String USER = System.getProperty("berth.postgresUser", "berth");
    private static final String PASSWORD = System.getProperty("berth.postgresPassword", "");
    private static final Set<String> CREATED = new HashSet<>();

    private TestStore() {
    }

    public static boolean onPostgres() {
        return switch (KIND) {
            case "h2" -> false;
            case "postgresql" -> {
                if (SERVER.isEmpty()) {
                    throw new IllegalStateException("berth.test.store=postgresql needs berth.postgres (host:port)");
                }
                yield true;
            }
            default -> throw new IllegalStateException("berth.test.store must be h2 or postgresql, not " + KIND);
        };
    }

    /** True when a PostgreSQL server is given (scripts/test starts one), whichever store the suite uses. */
    public static boolean postgresGiven() {
        return !SERVER.isEmpty();
    }

    /** The settings of a database of its own on the PostgreSQL server, whichever store the suite uses. */
    public static Map<String, String> postgresSettings(String name) {
        if (!postgresGiven()) {
            throw new IllegalStateException("no PostgreSQL server given (berth.postgres)");
        }
        return Map.of("database.url", postgresUrl(name), "database.user", USER, "database.password", PASSWORD,
                "database.driverClass", "org.postgresql.Driver");
    }

    /** The database settings of store {@code name}: database.url, user, password and driverClass. */
    public static Map<String, String> settings(String name, Path h2File) {
        if (onPostgres()) {
            return postgresSettings(name);
        }
        return Map.of("database.url", "jdbc:h2:" + h2File.toAbsolutePath(), "database.user", "sa",
                "database.password", "", "database.driverClass", "org.h2.Driver");
    }

    /** The JDBC URL of store {@code name} on PostgreSQL; its database exists (empty at first) once this returns. */
    private static String postgresUrl(String name) {
        String database = databaseName(name);
        synchronized (CREATED) {
            if (CREATED.add(database)) {
                recreate(database);
            }
        }
        return "jdbc:postgresql://" + SERVER + "/" + database;
    }

    /** A connection to store {@code name} beside the application's own (both engines allow it). */
    public static Connection connect(String name, Path h2File) throws SQLException {
        Map<String, String> settings = settings(name, h2File);
        String url = settings.get("database.url");
        if (!onPostgres()) {
            url += ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        }
        return DriverManager.getConnection(url, settings.get("database.user"), settings.get("database.password"));
    }

    /** Test databases are named test_*, so that scripts/test can drop what earlier runs left. */
    private static String databaseName(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String database = "test_" + cleaned;
        return database.length() <= 63 ? database : database.substring(0, 55) + "_" + Integer.toHexString(
                cleaned.hashCode() & 0xfffffff);
    }

    private static void recreate(String database) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
             var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + " on " + SERVER, e);
        }
    }
}
