package dev.berth.api;

import java.util.List;

/** Dropwizard's body for an invalid request: every problem found, each naming its field. */
public record ValidationErrors(List<String> errors) {
}
