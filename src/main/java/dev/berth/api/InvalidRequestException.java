package dev.berth.api;

import java.util.List;

/** A request body (a job manifest, a command definition) broke one or more rules; each message names its field. */
public class InvalidRequestException extends RuntimeException {
    private final List<String> errors;

    public InvalidRequestException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
