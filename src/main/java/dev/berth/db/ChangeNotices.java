package dev.berth.db;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other processes of an instance that something their leader must act on has changed (a
 * job submitted or cancelled, a queue resumed), so that a job's latency does not depend on which
 * process took it: PostgreSQL's NOTIFY, sent after the change commits, and a LISTEN on a
 * connection of its own that wakes the loop of each process. On an embedded H2 file there is one
 * process, whose loop the change wakes directly: nothing is sent.
 */
public final class ChangeNotices implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
    private static final int WAIT_MILLIS = 1000;

    private final Jdbi jdbi;
    private final DataSourceFactory database;
    private final String channel;
    private final boolean postgres;
    private volatile Runnable onNotice = () -> { };
    private volatile boolean running;
    private Thread thread;

    public ChangeNotices(Jdbi jdbi, DataSourceFactory database, String instance) {
        this.jdbi = jdbi;
        this.database = database;
        // A channel name is an identifier: only the characters that need no care.
        this.channel = "berth_" + instance.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        this.postgres = database.getUrl().startsWith("jdbc:postgresql:");
    }

    /** Run on each notice from another process (and once after the listening connection came back). */
    public void onNotice(Runnable onNotice) {
        this.onNotice = onNotice;
    }

    /**
     * After a change has committed: the other processes hear of it. The change is stored already,
     * so a notice that cannot be sent fails nothing: the leader's next tick finds the change.
     */
    public void send() {
        if (!postgres) {
            return;
        }
        try {
            jdbi.useHandle(handle -> handle.createQuery("SELECT pg_notify(:channel, '')").bind("channel", channel)
                    .mapTo(String.class).one());
        } catch (RuntimeException e) {
            LOG.debug("could not tell the other processes of a change: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        if (!postgres) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "berth-notices");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2 * WAIT_MILLIS + 1000);
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.getUrl(), database.getUser(),
                    database.getPassword())) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                if (warned) {
                    LOG.info("listening for other processes' changes again");
                    warned = false;
                }
                onNotice.run(); // a change may have come while nobody listened
                PGConnection notices = connection.unwrap(PGConnection.class);
                while (running) {
                    var received = notices.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        onNotice.run();
                    }
                }
            } catch (SQLException e) {
                if (!warned) {
                    LOG.warn("cannot listen for other processes' changes ({}); the loop's interval still finds them",
                            e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
