package dev.berth.db;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one write transaction run at a time on an embedded H2 database. H2 (2.4) writes the store to
 * disk at every commit, with the uncommitted changes of other transactions then in flight; a
 * SIGKILL can leave such a change in a table without the undo record that rolls it back, and the
 * row stays locked by a transaction that no longer exists: every later write of it times out (a
 * crash test found a job that could never launch again). With one writer at a time, no other
 * write is in flight when a commit is stored. A write still takes a millisecond or two, while the
 * reconciler's actions mostly wait on Docker, so serializing them costs little. Other databases
 * get no lock. Counts the write transactions that commit (on H2 each a write to disk; the retention
 * sweep, every 10 s, is one even when nothing expired).
 */
public final class SerialWrites {
    private final ReentrantLock lock;
    private final LongAdder writes = new LongAdder();

    private SerialWrites(ReentrantLock lock) {
        this.lock = lock;
    }

    /** One writer at a time for an H2 URL, any number for another database. */
    public static SerialWrites forUrl(String jdbcUrl) {
        return new SerialWrites(jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:") ? new ReentrantLock() : null);
    }

    /** Always one writer at a time. */
    public static SerialWrites oneAtATime() {
        return new SerialWrites(new ReentrantLock());
    }

    /** The write transactions so far, of every store that shares this. */
    public long count() {
        return writes.sum();
    }

    <T> T write(Supplier<T> transaction) {
        if (lock == null) {
            return counted(transaction);
        }
        lock.lock();
        try {
            return counted(transaction);
        } finally {
            lock.unlock();
        }
    }

    /** Counted once it has committed: a transaction that threw rolled back. */
    private <T> T counted(Supplier<T> transaction) {
        T result = transaction.get();
        writes.increment();
        return result;
    }
}
