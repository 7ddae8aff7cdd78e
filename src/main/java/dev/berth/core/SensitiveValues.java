package dev.berth.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of a job's sensitive inputs, and their masking: they are stored (the job needs them
 * to launch) but every API response and event shows {@code *****} instead.
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

    public static SensitiveValues of(JobSpec spec) {
        FromCommand from = spec.fromCommand();
        List<String> values = new ArrayList<>();
        if (from != null) {
            for (String name : from.sensitive()) {
                Object value = from.params().get(name);
                if (value instanceof Collection<?> items) {
                    items.forEach(item -> values.add(String.valueOf(item)));
                } else if (value != null) {
                    values.add(String.valueOf(value));
                }
            }
        }
        return new SensitiveValues(values);
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

    /** The spec as shown: sensitive runtime values replaced by the mask. */
    public static JobSpec maskedSpec(JobSpec spec) {
        FromCommand from = spec.fromCommand();
        if (from == null || from.sensitive().isEmpty()) {
            return spec;
        }
        Map<String, Object> params = new TreeMap<>(from.params());
        from.sensitive().forEach(name -> params.computeIfPresent(name, (key, value) -> MASK));
        return spec.withFromCommand(new FromCommand(from.name(), from.version(), params, from.mounts(), from.sensitive()));
    }
}
