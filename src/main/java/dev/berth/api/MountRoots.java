package dev.berth.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The operator's docker.allowedMountRoots: the only host directories a job may mount from. */
final class MountRoots {
    private final List<Path> allowedMountRoots;

    MountRoots(List<Path> allowedMountRoots) {
        this.allowedMountRoots = List.copyOf(allowedMountRoots);
    }

    void checkMountSource(String field, String source, List<String> errors) {
        if (PathRules.checkAbsolutePath(field, PathRules.required(source, field, errors), errors)) {
            checkAllowed(field, source, errors);
        }
    }

    void checkAllowed(String field, String source, List<String> errors) {
        if (!isAllowed(Path.of(source))) {
            errors.add(field + " " + source + " is not under an allowed mount root"
                    + (allowedMountRoots.isEmpty() ? " (docker.allowedMountRoots is empty:"
                    + " bind mounts are disabled)" : " (allowed: " + allowedMountRoots + ")"));
        }
    }

    /**
     * The path must lie under an allowed root, and so must the place it really leads to: a symbolic
     * link inside an allowed root must not open the rest of the host.
     */
    private boolean isAllowed(Path source) {
        if (!underAllowedRoot(source)) {
            return false;
        }
        try {
            return !Files.exists(source) || underAllowedRoot(source.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private boolean underAllowedRoot(Path path) {
        return allowedMountRoots.stream().anyMatch(root -> path.startsWith(root.normalize()));
    }

}
