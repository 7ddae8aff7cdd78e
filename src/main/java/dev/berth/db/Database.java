package dev.berth.db;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import liquibase.Contexts;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.ui.LoggerUIService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up work on the database: bring the schema up to date, and name this Berth instance. */
public final class Database {
    public static final String CHANGELOG = "migrations/migrations.xml";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private Database() {
    }

    /**
     * H2 holds commits in memory up to WRITE_DELAY (500 ms) before writing them: a killed process
     * loses them. And H2's own shutdown hook would close the database under a reconcile pass still
     * running; Dropwizard stops the loop before it closes the pool, so that order is left to it.
     */
    public static void makeCommitsDurable(DataSourceFactory factory) {
        String url = factory.getUrl();
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (!upper.contains("WRITE_DELAY")) {
            url += ";WRITE_DELAY=0";
        }
        if (!upper.contains("DB_CLOSE_ON_EXIT")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        factory.setUrl(url);
    }

    /**
     * H2 keeps the last QUERY_CACHE_SIZE (8) parsed statements per connection; a reconcile pass and
     * the writes of its actions use some 20 different ones, so with 8 each was parsed and planned
     * again every time it ran.
     */
    public static void cacheParsedStatements(DataSourceFactory factory) {
        String url = factory.getUrl();
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            factory.setUrl(url + ";QUERY_CACHE_SIZE=64");
        }
    }

    /**
     * Jdbi builds a SqlObject's metadata on first attach and caches it in the config of the Handle,
     * which is a copy thrown away on close: every attach would rebuild it. Built here, on the Jdbi's
     * own config, it is copied into every Handle instead.
     */
    public static void cacheDaoMetadata(Jdbi jdbi) {
        var extensions = jdbi.getConfig(Extensions.class);
        var factory = extensions.findFactory(SqlObjectFactory.class).orElseThrow();
        for (Class<?> dao : List.of(JobDao.class, LabelDao.class, EventDao.class, AttemptDao.class, OutputDao.class,
                CommandDao.class, InstanceDao.class)) {
            extensions.findMetadata(dao, factory);
        }
    }

    /**
     * Applies the changelog, so that `server` alone is enough on a new database or after an upgrade.
     * Liquibase writes its progress and summary to standard output; here they go to its logger (at
     * WARN in config.yml), and Berth says in one line of its own which change sets it applies.
     */
    public static void migrate(DataSourceFactory factory, Environment environment) throws Exception {
        ManagedDataSource dataSource = factory.build(environment.metrics(), "migrations");
        try (var liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(dataSource, CHANGELOG)) {
            var toLogger = Map.<String, Object>of(Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.command.showSummaryOutput", UpdateSummaryOutputEnum.LOG);
            Scope.child(toLogger, () -> {
                List<String> pending = liquibase.listUnrunChangeSets(new Contexts()).stream()
                        .map(ChangeSet::getId).toList();
                if (!pending.isEmpty()) {
                    LOG.info("applying {} schema change set(s) from {}: {}", pending.size(), CHANGELOG, pending);
                }
                liquibase.update("");
            });
        }
    }

    /**
     * The configured instance id, else the one this database was given at its first start. Tying the
     * default to the database means a restart (or a second process on the same database) keeps
     * owning the same Docker objects.
     */
    public static String instanceId(Jdbi jdbi, String configured, Clock clock) {
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        return jdbi.inTransaction(handle -> {
            InstanceDao dao = handle.attach(InstanceDao.class);
            return dao.find().orElseGet(() -> {
                String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                dao.insert(id, clock.millis());
                return id;
            });
        });
    }
}
