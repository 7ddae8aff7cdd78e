package dev.berth.docker;

/** The engine answered, with an error Berth has no specific handling for. */
public class EngineErrorException extends GatewayException {
    public EngineErrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
