package dev.berth.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The reconciler's lease of one Berth instance (one {@code berth.instance} label), kept in the
 * database that all its processes share: which process (member) reconciles, until when by the
 * database's clock, and at which epoch. Every change of holder raises the epoch, and every status
 * write of the reconciler checks it ({@link #fence}), so a holder that lost the lease (paused,
 * partitioned, slow) can write nothing once another has taken over.
 */
public final class Leases {
    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final SerialWrites writes;
    private final String instance;
    private final boolean oneProcess;
    private final boolean shareLock;

    /**
     * Where no other process can use the database at all (an embedded H2 file, see
     * {@link #oneProcess}), a lease left by an earlier process of it (killed) is taken at once
     * instead of after it expires. Each fenced write locks the lease row to its end: shared on
     * PostgreSQL, outright on H2 (which has no FOR SHARE; its writes go one at a time anyway).
     */
    public Leases(Jdbi jdbi, SerialWrites writes, String instance, String jdbcUrl) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.instance = instance;
        this.oneProcess = oneProcess(jdbcUrl);
        this.shareLock = jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** True where no other process can use the database: the lease is taken at start and never renewed. */
    public boolean oneProcess() {
        return oneProcess;
    }

    /** An embedded H2 file can be open in one process only; a server (PostgreSQL, H2's tcp) in many. */
    public static boolean oneProcess(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:");
    }

    /**
     * Renews {@code held} for {@code timeout}, or takes the lease if it is free; empty when another
     * member holds it (or took it from {@code held}).
     */
    public Optional<LeaseToken> acquire(String member, LeaseToken held, Duration timeout) {
        try {
            return writes.write(() -> jdbi.inTransaction(handle -> {
                LeaseDao dao = handle.attach(LeaseDao.class);
                long now = dao.now().toInstant().toEpochMilli();
                long expiresAt = now + timeout.toMillis();
                if (held != null && dao.renew(instance, member, held.epoch(), expiresAt, now) == 1) {
                    return Optional.of(held);
                }
                if (dao.find(instance).isEmpty()) {
                    dao.insert(instance, member, expiresAt, now);
                } else if ((oneProcess ? dao.takeAlways(instance, member, expiresAt, now)
                        : dao.takeFree(instance, member, expiresAt, now)) == 0) {
                    return Optional.empty();
                }
                // Read back under the row lock the write holds: the epoch is the one this member set.
                return dao.find(instance).map(row -> new LeaseToken(member, row.epoch()));
            }));
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.empty(); // another member inserted the first row at the same moment
            }
            throw e;
        }
    }

    /** Frees the lease at a clean stop, so that another member takes it at once rather than at expiry. */
    public void release(LeaseToken held) {
        writes.write(() -> jdbi.withExtension(LeaseDao.class,
                dao -> dao.release(instance, held.member(), held.epoch())));
    }

    /** True while {@code held} is still the lease (read now, outside any write). */
    public boolean holds(LeaseToken held) {
        return jdbi.withExtension(LeaseDao.class, dao -> dao.holds(instance, held.member(), held.epoch())) > 0;
    }

    /** The lease as the database has it now, for operators: who holds it, at which epoch. */
    public Optional<LeaseRow> current() {
        return jdbi.withExtension(LeaseDao.class, dao -> dao.find(instance));
    }

    /**
     * The fence of the writes made under {@code held} (read at each write: null while none is held):
     * a write under a lease that is gone calls {@code lost} and throws. Where no other process can
     * open the database ({@link #oneProcess}), the lease held cannot pass to another, so the row is
     * not read: a query and a lock per status write that could tell nothing (with the attach of
     * its DAO, a tenth of a status write's CPU samples, JFR).
     */
    public WriteFence fence(Supplier<LeaseToken> held, Consumer<LeaseToken> lost) {
        return handle -> {
            LeaseToken token = held.get();
            if (token == null) {
                throw new LeaseLostException("this process does not hold the reconciler's lease");
            }
            if (oneProcess) {
                return;
            }
            LeaseDao dao = handle.attach(LeaseDao.class);
            boolean holds = (shareLock ? dao.holdsShared(instance, token.member(), token.epoch())
                    : dao.holdsLocked(instance, token.member(), token.epoch())).isPresent();
            if (!holds) {
                lost.accept(token);
                throw new LeaseLostException("the reconciler's lease (epoch " + token.epoch()
                        + ") has passed to another process");
            }
        };
    }
}
