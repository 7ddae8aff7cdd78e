package dev.berth.api;

import java.nio.file.Path;
import java.util.List;

/**
 * The operator's rules for manifests: which host paths may be mounted, how big a job may be, and
 * whether jobs run on a swarm (only there do placement and generic resources mean something).
 */
public record ManifestLimits(List<Path> allowedMountRoots, int maxLabels, int maxEnv, int maxArgs,
                             int maxMounts, boolean swarmMode) {

    public static ManifestLimits defaults(List<Path> allowedMountRoots) {
        return new ManifestLimits(List.copyOf(allowedMountRoots), 64, 256, 256, 32, false);
    }
}
