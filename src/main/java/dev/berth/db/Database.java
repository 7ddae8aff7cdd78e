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
import com.codahale.metrics.MetricRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
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
     * Settings Berth gives an H2 URL unless it names them already. WRITE_DELAY=0: H2 holds commits
     * in memory up to 500 ms before writing them, and a killed process loses them.
     * DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database under a reconcile pass
     * still running; Dropwizard stops the loop before it closes the pool. QUERY_CACHE_SIZE=64: H2
     * keeps 8 parsed statements per connection by default, and a pass and the writes of its actions
     * use some 20, so each was parsed and planned again every time it ran.
     */
    private static final Map<String, String> H2_SETTINGS = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            "WRITE_DELAY", "0", "DB_CLOSE_ON_EXIT", "FALSE", "QUERY_CACHE_SIZE", "64")));

    /**
     * What Berth sets on the database's configuration before it is used. Dropwizard's statement
     * comments (each statement prefixed with its DAO method's name, autoCommentsEnabled) come from a
     * template engine that Jdbi cannot cache, so Jdbi parsed every statement's SQL again each time
     * it ran; Berth's statements go without them.
     */
    public static void applySettings(DataSourceFactory factory) {
        factory.setAutoCommentsEnabled(false);
        applyH2Settings(factory);
        if (!Leases.oneProcess(factory.getUrl())) {
            // A database server restarts under Berth (an upgrade, a failover): a pooled connection
            // idle for over a second is checked before use, so that the first requests after it
            // returns do not fail on connections it closed.
            factory.setCheckConnectionOnBorrow(true);
            factory.setValidationInterval(io.dropwizard.util.Duration.seconds(1));
        }
    }

    /**
     * On PostgreSQL, the server ends a session of Berth's that sits in an open transaction for 0.3
     * of the lease timeout (at least a second). Berth's transactions send their statements back to
     * back, so only a process that stopped mid-transaction (paused, frozen) is ended: its locks
     * (the lease row's, which each fenced write holds) would otherwise keep every other process
     * from taking the lease until it woke.
     */
    public static void endStalledTransactions(DataSourceFactory factory, Duration leaseTimeout) {
        if (!factory.getUrl().startsWith("jdbc:postgresql:")) {
            return;
        }
        long millis = Math.max(1000, leaseTimeout.toMillis() * 3 / 10);
        factory.getProperties().putIfAbsent("options", "-c idle_in_transaction_session_timeout=" + millis);
    }

    private static void applyH2Settings(DataSourceFactory factory) {
        String url = factory.getUrl();
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder tuned = new StringBuilder(url);
        H2_SETTINGS.forEach((setting, value) -> {
            if (!upper.contains(setting)) {
                tuned.append(';').append(setting).append('=').append(value);
            }
        });
        factory.setUrl(tuned.toString());
    }

    /**
     * Jdbi builds a SqlObject's metadata on first attach and caches it in the config of the Handle,
     * which is a copy thrown away on close: every attach would rebuild it. Built here, on the Jdbi's
     * own config, it is copied into every Handle instead.
     */
    public static void cacheDaoMetadata(Jdbi jdbi) {
        var extensions = jdbi.getConfig(Extensions.class);
        var factory = extensions.findFactory(SqlObjectFactory.class).orElseThrow();
        for (Class<?> dao : List.of(JobDao.class, EventDao.class, AttemptDao.class, OutputDao.class,
                CommandDao.class, InstanceDao.class, LeaseDao.class, TokenDao.class, AuditDao.class)) {
            extensions.findMetadata(dao, factory);
        }
    }

    /**
     * Applies the changelog, so that `server` alone is enough on a new database or after an upgrade.
     * Liquibase writes its progress and summary to standard output; here they go to its logger (at
     * WARN in config.yml), and Berth says in one line of its own which change sets it applies.
     */
    public static void migrate(DataSourceFactory factory, Environment environment) throws Exception {
        migrate(factory, environment.metrics());
    }

    private static void migrate(DataSourceFactory factory, MetricRegistry metrics) throws Exception {
        StoreAtStart.probe(factory);
        ManagedDataSource dataSource = factory.build(metrics, "migrations");
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

    /** The store for a command run from the shell (such as {@code token}): migrated, then opened. */
    public static CommandStoreHandle openForCommand(DataSourceFactory factory) throws Exception {
        applySettings(factory);
        MetricRegistry metrics = new MetricRegistry();
        migrate(factory, metrics);
        ManagedDataSource dataSource = factory.build(metrics, "command");
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        return new CommandStoreHandle(jdbi, SerialWrites.forUrl(factory.getUrl()), dataSource);
    }

    /** An opened store and what closes it. */
    public record CommandStoreHandle(Jdbi jdbi, SerialWrites writes, ManagedDataSource dataSource)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dataSource.stop();
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
        try {
            return jdbi.inTransaction(handle -> {
                InstanceDao dao = handle.attach(InstanceDao.class);
                return dao.find().orElseGet(() -> {
                    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                    dao.insert(id, clock.millis());
                    return id;
                });
            });
        } catch (UnableToExecuteStatementException e) {
            // Another process of the instance started on the new database at the same moment and
            // stored its id first (the table holds one row): that one is the instance's.
            return jdbi.withExtension(InstanceDao.class, InstanceDao::find).orElseThrow(() -> e);
        }
    }
}
