package dev.berth.command;

import dev.berth.core.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Pairs each mount of a command with the host path the job gives for it by name. */
final class MountBinder {
    private MountBinder() {
    }

    /** The bind mounts, in the command's order; problems are added to {@code problems}. */
    static List<Mount> bind(List<CommandMount> mounts, Map<String, String> hostPaths, List<String> problems) {
        List<Mount> bound = new ArrayList<>();
        for (CommandMount mount : mounts) {
            String source = hostPaths.get(mount.name());
            if (source == null || source.isBlank()) {
                problems.add("mount '" + mount.name() + "' needs a host path");
            } else {
                bound.add(new Mount(source, mount.path(), !mount.writable()));
            }
        }
        // Sorted, so that the message is the same whatever map the caller used.
        for (String name : new TreeSet<>(hostPaths.keySet())) {
            if (mounts.stream().noneMatch(m -> Objects.equals(m.name(), name))) {
                problems.add("mount '" + name + "' is not a mount of the command");
            }
        }
        return bound;
    }
}
