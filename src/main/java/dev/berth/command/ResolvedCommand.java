package dev.berth.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.berth.core.Mount;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import dev.berth.core.SortedMaps;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A command resolved with a job's values: what to launch. {@code entrypoint} null keeps the image's,
 * an empty list clears it. {@code commandLine} is the line after replacement, as XNAT would show it.
 * {@code sensitiveValues} never leave the process: use {@link #masked()} for anything shown to people.
 */
public record ResolvedCommand(
        String image,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        String workingDir,
        List<Mount> mounts,
        Resources resources,
        Map<String, String> containerLabels,
        String commandLine,
        @JsonIgnore List<String> sensitiveValues) {

    public static final String MASK = "*****";

    public ResolvedCommand {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = SortedMaps.copyOf(env);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        resources = resources == null ? Resources.NONE : resources;
        containerLabels = SortedMaps.copyOf(containerLabels);
        // Longest first, so that a secret containing another secret is masked whole.
        sensitiveValues = sensitiveValues == null ? List.of() : sensitiveValues.stream()
                .filter(v -> v != null && !v.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The text with every occurrence of every sensitive value replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : sensitiveValues) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** A copy safe to show: argv, env, working dir and command line masked, no sensitive values left. */
    public ResolvedCommand masked() {
        List<String> maskedCommand = command == null ? null : command.stream().map(this::mask).toList();
        Map<String, String> maskedEnv = new TreeMap<>();
        env.forEach((name, value) -> maskedEnv.put(name, mask(value)));
        return new ResolvedCommand(image, maskedCommand, entrypoint, maskedEnv, mask(workingDir), mounts,
                resources, containerLabels, mask(commandLine), List.of());
    }

    /** The spec to launch; the user is left to the image. */
    public ResolvedSpec toResolvedSpec() {
        return new ResolvedSpec(image, command, entrypoint, env, workingDir, null, mounts, resources,
                containerLabels);
    }
}
