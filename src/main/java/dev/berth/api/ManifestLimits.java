package dev.berth.api;

import java.nio.file.Path;
import dev.berth.core.JobSpec;
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

    public static ManifestLimits defaults(List<Path> allowedMountRoots) {
        return new ManifestLimits(List.copyOf(allowedMountRoots), 64, 256, 256, 32, false);
    }
}
