package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The concrete spec a job's attempt is launched with, whichever backend runs it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolvedSpec(
        String image,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        String workingDir,
        String user,
        List<Mount> mounts,
        Resources resources,
        Map<String, String> labels) {

    public ResolvedSpec {
        env = SortedMaps.copyOf(env);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        labels = SortedMaps.copyOf(labels);
    }

    /** Without labels of its own: only a command's {@code container-labels} give a job some. */
    public ResolvedSpec(String image, List<String> command, List<String> entrypoint, Map<String, String> env,
                        String workingDir, String user, List<Mount> mounts, Resources resources) {
        this(image, command, entrypoint, env, workingDir, user, mounts, resources, Map.of());
    }
}
