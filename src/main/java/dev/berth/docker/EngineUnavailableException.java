package dev.berth.docker;

/** The engine could not be reached or did not answer in time. */
public class EngineUnavailableException extends GatewayException {
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
