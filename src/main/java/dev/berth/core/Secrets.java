package dev.berth.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of a job's sensitive command inputs, kept apart from its spec: the spec is stored and
 * shown with {@code *****} in their place, and only a launch puts them back. {@link #toString()}
 * names the inputs, never their values.
 */
public record Secrets(Map<String, Object> values) {
    public static final Secrets NONE = new Secrets(Map.of());

    public Secrets {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The spec as it may be stored and shown, and the values taken out of it. */
    public record Split(JobSpec shown, Secrets secrets) { }

    public static Split split(JobSpec spec) {
        FromCommand from = spec.fromCommand();
        if (from == null || from.sensitive().isEmpty()) {
            return new Split(spec, NONE);
        }
        Map<String, Object> params = new TreeMap<>(from.params());
        Map<String, Object> taken = new TreeMap<>();
        for (String name : from.sensitive()) {
            if (params.containsKey(name)) {
                taken.put(name, params.get(name));
                params.put(name, SensitiveValues.MASK);
            }
        }
        return new Split(spec.withFromCommand(new FromCommand(from.name(), from.version(), params, from.mounts(),
                from.sensitive())), new Secrets(taken));
    }

    /** The spec a launch resolves: the stored one with the values put back. */
    public JobSpec restore(JobSpec shown) {
        FromCommand from = shown.fromCommand();
        if (values.isEmpty() || from == null) {
            return shown;
        }
        Map<String, Object> params = new TreeMap<>(from.params());
        params.putAll(values);
        return shown.withFromCommand(new FromCommand(from.name(), from.version(), params, from.mounts(),
                from.sensitive()));
    }

    /** What must never be shown: each value, and each item of a list value. */
    public SensitiveValues masker() {
        List<String> texts = new ArrayList<>();
        for (Object value : values.values()) {
            if (value instanceof Collection<?> items) {
                items.forEach(item -> texts.add(String.valueOf(item)));
            } else if (value != null) {
                texts.add(String.valueOf(value));
            }
        }
        return SensitiveValues.of(texts);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "Secrets" + values.keySet();
    }
}
