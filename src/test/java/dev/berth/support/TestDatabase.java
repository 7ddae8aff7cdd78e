package dev.berth.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
        String url = "jdbc:h2:" + dir.resolve("berth");
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(Database.CHANGELOG, new ClassLoaderResourceAccessor(), database).update("");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("cannot prepare the test database", e);
        }
        Jdbi jdbi = Jdbi.create(url, "sa", "").installPlugin(new SqlObjectPlugin());
        return new JobStore(jdbi, new ObjectMapper().registerModule(new JavaTimeModule()));
    }
}
