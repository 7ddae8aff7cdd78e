package dev.berth.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.db.Database;
import dev.berth.db.JobStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A real H2 file in a given directory, with Berth's real changelog applied. */
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

    /** A migrated database in {@code dir}. */
    public static Jdbi create(Path dir) {
        String url = "jdbc:h2:" + dir.resolve("berth");
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(Database.CHANGELOG, new ClassLoaderResourceAccessor(), database).update("");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("cannot prepare the test database", e);
        }
        return Jdbi.create(url, "sa", "").installPlugin(new SqlObjectPlugin());
    }
}
