package dev.berth.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jdbi3.NamePrependingTemplateEngine;
import java.nio.file.Path;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {
    @TempDir
    Path dir;

    @Test
    void anH2UrlGetsTheSettingsItDoesNotNameItself() {
        DataSourceFactory factory = factory("jdbc:h2:" + dir.resolve("berth") + ";WRITE_DELAY=100");

        Database.applySettings(factory);

        assertThat(factory.getUrl()).contains(";WRITE_DELAY=100").doesNotContain("WRITE_DELAY=0")
                .contains(";DB_CLOSE_ON_EXIT=FALSE").contains(";QUERY_CACHE_SIZE=64");
    }

    @Test
    void anotherDatabasesUrlIsLeftAsItIs() {
        DataSourceFactory factory = factory("jdbc:postgresql://127.0.0.1/berth");

        Database.applySettings(factory);

        assertThat(factory.getUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/berth");
    }

    /**
     * Built as the application builds it, the Jdbi renders statements with an engine whose parsed
     * templates it caches, not with Dropwizard's comment-prepending one, which it cannot cache.
     */
    @Test
    void statementsAreRenderedWithoutDropwizardsUncachedCommentEngine() throws Exception {
        DataSourceFactory factory = factory("jdbc:h2:" + dir.resolve("berth"));
        Database.applySettings(factory);

        var environment = new Environment("settings-test");
        ManagedDataSource dataSource = factory.build(environment.metrics(), "database");
        try {
            var jdbi = new JdbiFactory().build(environment, factory, dataSource, "database");

            assertThat(jdbi.getConfig(SqlStatements.class).getTemplateEngine())
                    .isNotInstanceOf(NamePrependingTemplateEngine.class);
            Integer one = jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(one).isEqualTo(1);
        } finally {
            dataSource.stop();
        }
    }

    private static DataSourceFactory factory(String url) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl(url);
        factory.setUser("sa");
        factory.setPassword("");
        return factory;
    }
}
