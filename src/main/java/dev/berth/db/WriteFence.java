package dev.berth.db;

import org.jdbi.v3.core.Handle;

/**
 * Checked inside each of the reconciler's status writes, before it changes anything: throws
 * {@link LeaseLostException} (and the transaction rolls back) when the writer may no longer write.
 */
@FunctionalInterface
public interface WriteFence {
    WriteFence NONE = handle -> { };

    void check(Handle handle);
}
