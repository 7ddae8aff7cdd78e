package dev.berth.core;

/**
 * Berth will not start, for a reason the operator can act on (the message says what it is and what
 * to do): the server prints the message alone, not a stack trace, and exits with status 1.
 */
public final class RefusedStartException extends RuntimeException {
    public RefusedStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
