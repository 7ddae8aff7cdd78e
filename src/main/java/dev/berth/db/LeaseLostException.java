package dev.berth.db;

/** A write of the reconciler's was refused: this process no longer holds the lease it was made under. */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(String message) {
        super(message);
    }
}
