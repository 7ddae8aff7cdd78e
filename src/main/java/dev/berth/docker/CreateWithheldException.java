package dev.berth.docker;

/** A create was not sent to the engine, since this process may no longer launch (see {@link GatedCreates}). */
public class CreateWithheldException extends GatewayException {
    public CreateWithheldException(String message) {
        super(message, null);
    }
}
