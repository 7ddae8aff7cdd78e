package dev.berth.reconcile;

import com.codahale.metrics.Counter;
import dev.berth.db.LeaseRow;
import dev.berth.db.LeaseToken;
import dev.berth.db.Leases;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this process reconciles: the one member of an instance that holds the lease does, the
 * others serve the API only. Every member asks for the lease ten times per {@code leaseTimeout};
 * the holder's ask renews it for 0.8 of it, so that another member takes over within the timeout
 * of the holder's last renewal (a killed holder renews no more). The holder counts itself leader
 * for 0.7 of it after each renewal began, by its own monotonic clock, so that it stops launching
 * before another can have taken the lease even if the database is out of its reach; what it still
 * writes then is refused by the lease's epoch (see {@link Leases#fence}).
 * Where the database is an embedded file no other process can open, the lease is taken at start
 * and never needs renewing.
 */
public final class Leadership implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final Leases leases;
    private final String member;
    private final Duration timeout;
    private final boolean oneProcess;
    private final Counter changes;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "berth-lease");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Runnable onLead = () -> { };
    private final AtomicReference<LeaseToken> held = new AtomicReference<>();
    private volatile long validUntilNanos;
    private volatile String unreachable = "not asked yet";

    public Leadership(Leases leases, String member, Duration timeout, Counter changes) {
        this.leases = leases;
        this.member = member;
        this.timeout = timeout;
        this.oneProcess = leases.oneProcess();
        this.changes = changes;
    }

    /**
     * A name for this process among the members of its instance: host, pid and a random part (a pid
     * comes back after a restart, in a container most of all).
     */
    public static String newMember() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "host";
            }
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /** Run each time this process becomes the leader (the loop's wake, so that it passes at once). */
    public void onLead(Runnable onLead) {
        this.onLead = onLead;
    }

    public String member() {
        return member;
    }

    /** True while this process holds the lease and may reconcile. */
    public boolean leads() {
        return held.get() != null && (oneProcess || System.nanoTime() - validUntilNanos < 0);
    }

    /** The lease this process's writes are made under, or null. */
    public LeaseToken held() {
        return held.get();
    }

    /**
     * Leads, and the database confirms the lease is still this process's: asked just before each
     * launch, which no write of the database can take back. The answer may have waited in the
     * socket while this process was paused past its lease, so it counts only if the process still
     * leads by its own clock once it has it.
     */
    public boolean confirmed() {
        LeaseToken token = held.get();
        if (token == null || !leads()) {
            return false;
        }
        try {
            return leases.holds(token) && leads();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A fenced write found the lease gone: stop leading at once. */
    public void lost(LeaseToken token) {
        stepDown(token, "a write found its lease (epoch " + token.epoch() + ") taken by another process");
    }

    /** Null while the lease can be read and written; else why not. */
    public String unreachable() {
        return unreachable;
    }

    /** The lease as the database has it now (who leads), for health checks and operators. */
    public Optional<LeaseRow> current() {
        return leases.current();
    }

    @Override
    public void start() {
        tick();
        if (!oneProcess) {
            long every = Math.max(1, timeout.toMillis() / 10);
            ticks.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Hands the lease back, so that another member leads at once rather than when it expires. */
    @Override
    public void stop() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
        LeaseToken token = held.getAndSet(null);
        if (token != null) {
            try {
                leases.release(token);
                LOG.info("{} released the reconciler's lease (epoch {})", member, token.epoch());
            } catch (RuntimeException e) {
                LOG.warn("could not release the reconciler's lease (it expires by itself): {}", e.getMessage());
            }
        }
    }

    private void tick() {
        long began = System.nanoTime();
        LeaseToken before = held.get();
        Optional<LeaseToken> now;
        try {
            now = leases.acquire(member, before, timeout.multipliedBy(8).dividedBy(10));
        } catch (RuntimeException e) {
            if (unreachable == null) {
                LOG.warn("cannot reach the reconciler's lease in the database: {}", e.getMessage());
            }
            unreachable = String.valueOf(e.getMessage());
            if (before != null && !leads()) {
                stepDown(before, "the lease could not be renewed in time");
            }
            return;
        }
        unreachable = null;
        if (now.isEmpty()) {
            if (before != null) {
                stepDown(before, "another process holds the lease");
            }
            return;
        }
        validUntilNanos = began + timeout.toNanos() * 7 / 10;
        if (!held.compareAndSet(before, now.get())) {
            return; // a write found the lease lost meanwhile: the next tick takes it again, at a new epoch
        }
        if (before == null || before.epoch() != now.get().epoch()) {
            changes.inc();
            LOG.info("{} leads the reconciler (lease epoch {})", member, now.get().epoch());
            onLead.run();
        }
    }

    /** Once per lease: the tick and a fenced write may find it lost at the same moment. */
    private void stepDown(LeaseToken token, String why) {
        if (held.compareAndSet(token, null)) {
            changes.inc();
            LOG.warn("{} stops reconciling: {}", member, why);
        }
    }
}
