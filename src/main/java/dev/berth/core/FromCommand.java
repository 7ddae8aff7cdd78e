package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A job's reference to a registered command and its runtime values. {@code version} is pinned to
 * the version the submission resolved against; {@code sensitive} names the inputs whose values are
 * shown masked (set by Berth at submission, never by the user).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FromCommand(String name, String version, Map<String, Object> params, Map<String, String> mounts,
                          List<String> sensitive) {

    public FromCommand {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
        mounts = SortedMaps.copyOf(mounts);
        sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
    }

    public FromCommand withResolution(String pinnedVersion, List<String> sensitiveInputs) {
        return new FromCommand(name, pinnedVersion, params, mounts, sensitiveInputs);
    }
}
