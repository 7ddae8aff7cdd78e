package dev.berth.tes;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Paths inside a task's containers: absolute, without '.' or '..', a trailing '/' dropped. */
final class ContainerPaths {
    private ContainerPaths() {
    }

    static Optional<String> of(String path, String field, List<String> problems) {
        if (path == null || path.isBlank()) {
            problems.add(field + " is required");
            return Optional.empty();
        }
        if (!path.startsWith("/")) {
            problems.add(field + " must be an absolute path (got " + path + ")");
            return Optional.empty();
        }
        Path parsed;
        try {
            parsed = Path.of(path);
        } catch (InvalidPathException e) {
            problems.add(field + " is not a path: " + e.getReason());
            return Optional.empty();
        }
        if (!parsed.normalize().equals(parsed)) {
            problems.add(field + " must not contain '.' or '..' segments (got " + path + ")");
            return Optional.empty();
        }
        return Optional.of(parsed.toString());
    }

    /** Whether a path (of an output) selects files by POSIX wildcards. */
    static boolean hasWildcard(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
    }

    /** The directory a wildcard path searches: its leading segments without wildcards. */
    static String wildcardBase(String path) {
        Path base = Path.of("/");
        for (Path segment : Path.of(path)) {
            if (hasWildcard(segment.toString())) {
                break;
            }
            base = base.resolve(segment);
        }
        return base.toString();
    }

    /** Whether {@code inner} is {@code outer} or lies under it, segment by segment. */
    static boolean within(String inner, String outer) {
        return Path.of(inner).startsWith(Path.of(outer));
    }
}
