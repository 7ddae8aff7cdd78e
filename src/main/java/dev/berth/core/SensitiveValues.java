package dev.berth.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Texts that must never be shown, and their masking: every occurrence becomes {@code *****}. A job's
 * come from its {@link Secrets}.
 */
public final class SensitiveValues {
    public static final String MASK = "*****";
    public static final SensitiveValues NONE = new SensitiveValues(List.of());

    private final List<String> values;

    private SensitiveValues(List<String> values) {
        // Longest first, so that a value containing a shorter one is masked whole.
        this.values = values.stream().filter(v -> !v.isEmpty()).sorted(Comparator.comparing(String::length).reversed())
                .toList();
    }

    /** The given values (empty ones ignored). */
    public static SensitiveValues of(Collection<String> values) {
        return new SensitiveValues(List.copyOf(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }
}
