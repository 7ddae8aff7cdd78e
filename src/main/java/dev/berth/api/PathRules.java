package dev.berth.api;

import java.nio.file.Path;
import java.util.List;

/** Rules for paths in manifests: required, absolute, no '.' or '..' segments, bounded length. */
final class PathRules {
    private static final int MAX_PATH = 4096;

    private PathRules() {
    }

    static String required(String value, String field, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(field + " is required");
            return null;
        }
        return value;
    }

    /** True when the path is absent or fine; a relative or '..'-laden path is an error. */
    static boolean checkAbsolutePath(String field, String path, List<String> errors) {
        if (path == null) {
            return false;
        }
        if (path.length() > MAX_PATH) {
            errors.add(field + " is longer than " + MAX_PATH + " characters");
            return false;
        }
        if (!path.startsWith("/")) {
            errors.add(field + " must be an absolute path (got \"" + shorten(path) + "\")");
            return false;
        }
        if (!Path.of(path).normalize().toString().equals(Path.of(path).toString())) {
            errors.add(field + " must not contain '..' or '.' segments (got \"" + shorten(path) + "\")");
            return false;
        }
        return true;
    }

    static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
