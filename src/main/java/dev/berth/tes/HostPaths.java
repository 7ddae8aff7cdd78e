package dev.berth.tes;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host path a task's URL names: a {@code file://} URL (of this host) or an absolute path. Other
 * schemes are refused by name until someone needs them: Berth has no object-store client.
 */
final class HostPaths {
    private HostPaths() {
    }

    static Optional<Path> of(String url, String field, List<String> problems) {
        if (url == null || url.isBlank()) {
            problems.add(field + " is required");
            return Optional.empty();
        }
        if (url.startsWith("/")) {
            return absolute(url, field, problems);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add(field + " is not a URL: " + e.getMessage());
            return Optional.empty();
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("file")) {
            problems.add(field + ": only file:// URLs and absolute host paths are supported, not "
                    + (uri.getScheme() == null ? "\"" + url + "\"" : uri.getScheme() + "://"));
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host != null && !host.isEmpty() && !host.equals("localhost")) {
            problems.add(field + ": a file:// URL must name this host (file:///path), not " + host);
            return Optional.empty();
        }
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
            problems.add(field + ": the file:// URL has no path");
            return Optional.empty();
        }
        return absolute(uri.getPath(), field, problems);
    }

    private static Optional<Path> absolute(String path, String field, List<String> problems) {
        Path host;
        try {
            host = Path.of(path);
        } catch (InvalidPathException e) {
            problems.add(field + " is not a path: " + e.getReason());
            return Optional.empty();
        }
        if (!host.isAbsolute() || !host.normalize().equals(host)) {
            problems.add(field + " must be an absolute path without '.' or '..' segments (got " + path + ")");
            return Optional.empty();
        }
        return Optional.of(host);
    }
}
