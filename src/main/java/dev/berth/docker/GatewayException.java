package dev.berth.docker;

/** A Docker call did not do what was asked; the message says what the engine said or why it was silent. */
public class GatewayException extends RuntimeException {
    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
