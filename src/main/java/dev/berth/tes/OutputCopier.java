package dev.berth.tes;

import dev.berth.api.MountRoots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a finished task's outputs from its staging to their URLs on the host, and lists each file
 * copied. Only regular files are copied, and only from inside the staging: what an executor wrote
 * may be a symbolic link to anywhere on the host, which must never be followed out; and each file
 * is written by {@link SafeWriter}, which follows no link on the way to it either. Each file lands
 * whole or not at all, so a copy run twice, or again after a crash, leaves the same files.
 */
final class OutputCopier {
    private final MountRoots allowedRoots;

    OutputCopier(MountRoots allowedRoots) {
        this.allowedRoots = allowedRoots;
    }

    /** Why the outputs could not all be copied: the task is then a SYSTEM_ERROR. */
    static final class OutputException extends Exception {
        OutputException(String message) {
            super(message);
        }
    }

    List<TesOutputFileLog> copy(Path staging, SharedDirectories shared, List<TesOutput> outputs)
            throws OutputException {
        List<TesOutputFileLog> copied = new ArrayList<>();
        Path realStaging = realPath(staging);
        for (TesOutput output : outputs) {
            String path = Path.of(output.path()).toString();
            Path destination = HostPaths.of(output.url(), "url", new ArrayList<>())
                    .orElseThrow(() -> new OutputException("output " + path + ": its url " + output.url()
                            + " is no longer valid"));
            if (ContainerPaths.hasWildcard(path)) {
                copyMatching(realStaging, shared, output, path, destination, copied);
            } else if (output.type() == TesFileType.DIRECTORY) {
                Path source = located(realStaging, shared, path);
                if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    throw new OutputException("output " + path + ": the executors made no such directory");
                }
                if (!realPath(source).startsWith(realStaging)) {
                    throw new OutputException("output " + path + " leads out of the task's files: not copied");
                }
                for (Path file : regularFilesUnder(source)) {
                    String relative = source.relativize(file).toString();
                    Path target = destination.resolve(relative);
                    copied.add(copyFile(realStaging, file, target, "file://" + target, path + "/" + relative));
                }
            } else {
                Path source = located(realStaging, shared, path);
                if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    throw new OutputException("output " + path + ": the executors wrote no such file");
                }
                copied.add(copyFile(realStaging, source, destination, output.url(), path));
            }
        }
        return copied;
    }

    /** Every file under the pattern's base whose container path matches it (POSIX: '*' stops at '/'). */
    private void copyMatching(Path staging, SharedDirectories shared, TesOutput output, String pattern,
                              Path destination, List<TesOutputFileLog> copied) throws OutputException {
        String base = ContainerPaths.wildcardBase(pattern);
        Path baseSource = located(staging, shared, base);
        if (!Files.isDirectory(baseSource, LinkOption.NOFOLLOW_LINKS)) {
            return; // nothing was written there: no file matches
        }
        if (!realPath(baseSource).startsWith(staging)) {
            throw new OutputException("output " + pattern + " leads out of the task's files: not copied");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        for (Path file : regularFilesUnder(baseSource)) {
            String containerPath = Path.of(base).resolve(baseSource.relativize(file).toString()).toString();
            if (!matcher.matches(Path.of(containerPath))) {
                continue;
            }
            String pruned = containerPath.substring(output.pathPrefix().length());
            while (pruned.startsWith("/")) {
                pruned = pruned.substring(1);
            }
            Path target = destination.resolve(pruned).normalize();
            if (pruned.isEmpty() || !target.startsWith(destination)) {
                throw new OutputException("output " + containerPath + ": without its path_prefix it names no file"
                        + " under " + destination);
            }
            copied.add(copyFile(staging, file, target, "file://" + target, containerPath));
        }
    }

    private static Path located(Path staging, SharedDirectories shared, String containerPath) throws OutputException {
        return shared.locate(containerPath).map(location -> location.in(staging))
                .orElseThrow(() -> new OutputException("output " + containerPath + " is in no shared directory"));
    }

    /** {@code fileUrl}: the URL the file is listed under (the output's own for a FILE). */
    private TesOutputFileLog copyFile(Path staging, Path source, Path destination, String fileUrl,
                                      String containerPath) throws OutputException {
        // An executor may have swapped a directory for a link out of the staging: refuse to follow it.
        if (!realPath(source).startsWith(staging)) {
            throw new OutputException("output " + containerPath + " leads out of the task's files: not copied");
        }
        Path root = allowedRoots.rootOf(destination).filter(any -> allowedRoots.isAllowed(destination))
                .orElseThrow(() -> new OutputException("output " + containerPath + ": " + destination
                        + " is not under an allowed mount root (or a link leads out of one)"));
        try {
            Files.createDirectories(root);
            long size = SafeWriter.copy(source, root.toRealPath(), root.relativize(destination));
            return new TesOutputFileLog(fileUrl, containerPath, Long.toString(size));
        } catch (IOException e) {
            throw new OutputException("output " + containerPath + ": could not copy it to " + destination + ": "
                    + e);
        }
    }

    private static List<Path> regularFilesUnder(Path directory) throws OutputException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new OutputException("could not read " + directory + ": " + e.getMessage());
        }
    }

    private static Path realPath(Path path) throws OutputException {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new OutputException("could not read " + path + ": " + e.getMessage());
        }
    }
}
