package dev.berth.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One forged Authorization of the header fuzz: its kind (for the tally) and the header values sent.
 * A list, since both the absence of the header (none) and the header given twice (two) are forgeries.
 */
public record Forgery(String kind, List<String> values) {
    @Override
    public String toString() {
        return kind + ": " + (values.isEmpty() ? "no Authorization header"
                : values.stream().map(v -> "Authorization: " + Texts.shorten(v)).collect(Collectors.joining(" + ")));
    }
}
