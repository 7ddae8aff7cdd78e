package dev.berth.api;

import java.nio.file.Path;
import java.util.List;

/** The operator's rules for manifests: which host paths may be mounted and how big a job may be. */
public record ManifestLimits(List<Path> allowedMountRoots, int maxLabels, int maxEnv, int maxArgs,
                             int maxMounts) {

    public static ManifestLimits defaults(List<Path> allowedMountRoots) {
        return new ManifestLimits(List.copyOf(allowedMountRoots), 64, 256, 256, 32);
    }
}
