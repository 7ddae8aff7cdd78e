package dev.berth.api;

import java.util.List;

/** A manifest broke one or more rules; each message names its field. */
public class InvalidManifestException extends RuntimeException {
    private final List<String> errors;

    public InvalidManifestException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
