package dev.berth.api;

import dev.berth.command.CommandNames;
import dev.berth.core.Desired;
import dev.berth.core.FromCommand;
import dev.berth.core.JobSpec;
import dev.berth.core.Placement;
import dev.berth.core.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules of a manifest that names a registered command instead of an image. */
final class FromCommandRules {
    private final MountRoots mountRoots;

    FromCommandRules(MountRoots mountRoots) {
        this.mountRoots = mountRoots;
    }

    /**
     * A job from a command takes what runs from the command: inline run fields beside it would be
     * ambiguous, so they are refused rather than silently preferred or ignored.
     */
    JobSpec toSpec(JobManifest manifest, Policy policy, Placement placement, List<String> errors) {
        List<String> inline = new ArrayList<>();
        addIfSet(inline, "image", manifest.image());
        addIfSet(inline, "command", manifest.command());
        addIfSet(inline, "entrypoint", manifest.entrypoint());
        addIfSet(inline, "env", manifest.env());
        addIfSet(inline, "workingDir", manifest.workingDir());
        addIfSet(inline, "user", manifest.user());
        addIfSet(inline, "mounts", manifest.mounts());
        addIfSet(inline, "resources", manifest.resources());
        addIfSet(inline, "steps", manifest.steps());
        addIfSet(inline, "volumes", manifest.volumes());
        if (!inline.isEmpty()) {
            errors.add("fromCommand cannot be combined with " + String.join(", ", inline)
                    + ": the command says what runs");
        }
        FromCommandManifest from = manifest.fromCommand();
        if (from.name() == null || from.name().isBlank()) {
            errors.add("fromCommand.name is required");
        } else {
            CommandNames.problem(from.name()).ifPresent(problem -> errors.add("fromCommand.name: " + problem));
        }
        checkParams(from.params(), errors);
        if (from.mounts() != null) {
            from.mounts().forEach((mount, source) -> mountRoots.checkMountSource("fromCommand.mounts." + mount, source, errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new JobSpec(null, null, null, null, null, null, null, null, policy,
                new FromCommand(from.name(), from.version(), from.params(), from.mounts(), null), Desired.Run, null,
                null, placement);
    }

    /** Runtime values are scalars, or lists of scalars for select-many inputs. */
    private static void checkParams(Map<String, Object> params, List<String> errors) {
        if (params == null) {
            return;
        }
        params.forEach((name, value) -> {
            boolean scalar = value instanceof String || value instanceof Number || value instanceof Boolean;
            boolean list = value instanceof List<?> items && items.stream()
                    .allMatch(i -> i instanceof String || i instanceof Number || i instanceof Boolean);
            if (!scalar && !list) {
                errors.add("fromCommand.params." + PathRules.shorten(name) + " must be a string, number, boolean or a list of them");
            }
        });
    }

    private static void addIfSet(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }

}
