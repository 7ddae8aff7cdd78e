package dev.berth.api;

import dev.berth.core.JobSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operator's rules for manifests: which host paths may be mounted, how big a job may be,
 * whether jobs run on a swarm (only there do placement and generic resources mean something), and
 * which queues there are.
 */
public record ManifestLimits(List<Path> allowedMountRoots, int maxLabels, int maxEnv, int maxArgs,
                             int maxMounts, boolean swarmMode, Set<String> queues) {

    public ManifestLimits {
        queues = Set.copyOf(queues);
    }

    /** Only the default queue. */
    public ManifestLimits(List<Path> allowedMountRoots, int maxLabels, int maxEnv, int maxArgs, int maxMounts,
                          boolean swarmMode) {
        this(allowedMountRoots, maxLabels, maxEnv, maxArgs, maxMounts, swarmMode, Set.of(JobSpec.DEFAULT_QUEUE));
    }

    /**
     * The rules for jobs that a TES task becomes: its staged files may also be mounted from
     * {@code workDirectory}, and each of its inputs, volumes and outputs is a mount.
     */
    public ManifestLimits forTasks(Path workDirectory, int maxTaskMounts) {
        List<Path> roots = new ArrayList<>(allowedMountRoots);
        roots.add(workDirectory);
        return new ManifestLimits(roots, maxLabels, maxEnv, maxArgs, Math.max(maxMounts, maxTaskMounts), swarmMode,
                queues);
    }

    public static ManifestLimits defaults(List<Path> allowedMountRoots) {
        return new ManifestLimits(List.copyOf(allowedMountRoots), 64, 256, 256, 32, false);
    }
}
