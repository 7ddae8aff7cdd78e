package dev.berth.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.db.Database;
import dev.berth.db.JobStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A real store with Berth's real changelog applied: an H2 file in a given directory, or the
 * directory's own database on PostgreSQL when the suite runs there (see {@link TestStore}).
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static JobStore store(Path dir) {
        return new JobStore(create(dir), json());
    }

    public static ObjectMapper json() {
        ObjectMapper mapper = io.dropwizard.jackson.Jackson.newObjectMapper();
        dev.berth.resources.StrictJson.apply(mapper);
        return mapper;
    }

    /** The JDBC URL of the database of {@link #create}. */
    public static String url(Path dir) {
        return TestStore.settings(dir.getFileName().toString(), dir.resolve("berth")).get("database.url");
    }

    /** A migrated database for {@code dir} (a temporary directory: its name is unique). */
    public static Jdbi create(Path dir) {
        Map<String, String> settings = TestStore.settings(dir.getFileName().toString(), dir.resolve("berth"));
        String url = settings.get("database.url");
        String user = settings.get("database.user");
        String password = settings.get("database.password");
        try (var connection = DriverManager.getConnection(url, user, password)) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(Database.CHANGELOG, new ClassLoaderResourceAccessor(), database).update("");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("cannot prepare the test database", e);
        }
        return Jdbi.create(url, user, password).installPlugin(new SqlObjectPlugin());
    }
}
