package dev.berth.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The operator's docker.allowedMountRoots: the only host directories a job may mount from (and a
 * TES task read inputs from and write outputs to).
 */
public final class MountRoots {
    private final List<Path> allowedMountRoots;

    public MountRoots(List<Path> allowedMountRoots) {
        this.allowedMountRoots = List.copyOf(allowedMountRoots);
    }

    void checkMountSource(String field, String source, List<String> errors) {
        if (PathRules.checkAbsolutePath(field, PathRules.required(source, field, errors), errors)) {
            checkAllowed(field, source, errors);
        }
    }

    public void checkAllowed(String field, String source, List<String> errors) {
        if (!isAllowed(Path.of(source))) {
            errors.add(field + " " + source + " is not under an allowed mount root"
                    + (allowedMountRoots.isEmpty() ? " (docker.allowedMountRoots is empty:"
                    + " bind mounts are disabled)" : " (allowed: " + allowedMountRoots + ")"));
        }
    }

    /**
     * The path must lie under an allowed root, and so must the place it really leads to: a symbolic
     * link inside an allowed root must not open the rest of the host. For a path that does not exist
     * yet (a TES output), the place its nearest existing parent inside the root leads to.
     */
    public boolean isAllowed(Path source) {
        if (!underAllowedRoot(source)) {
            return false;
        }
        Path existing = source;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        // An existing parent above every root (the root is not made yet) holds no link into it.
        if (existing == null || !underAllowedRoot(existing)) {
            return true;
        }
        try {
            return underAllowedRoot(existing.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    public List<Path> roots() {
        return allowedMountRoots;
    }

    /** The allowed root a path lies under (the deepest, when roots nest). */
    public Optional<Path> rootOf(Path path) {
        return allowedMountRoots.stream().map(Path::normalize).filter(path::startsWith)
                .max(Comparator.comparingInt(Path::getNameCount));
    }

    private boolean underAllowedRoot(Path path) {
        return allowedMountRoots.stream().anyMatch(root -> path.startsWith(root.normalize()));
    }

}
