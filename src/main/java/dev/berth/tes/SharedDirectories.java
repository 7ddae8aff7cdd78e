package dev.berth.tes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The container directories of a task that every executor shares, each backed by a directory of
 * the task's staging on the host: its volumes, and the directories its outputs are written in (so
 * that Berth can copy the outputs out once the executors are done, from the host, on any backend).
 * Only the outermost ones are mounted; one inside another is made inside its staging. Computed from
 * the task alone, so that the finisher finds the outputs where the executors wrote them.
 */
final class SharedDirectories {
    private final List<String> mounted;
    private final List<String> nested;

    private SharedDirectories(List<String> mounted, List<String> nested) {
        this.mounted = mounted;
        this.nested = nested;
    }

    /** A container path's place in the staging: the mounted directory's index, and the rest of the path. */
    record Location(int index, String relative) {
        /** The host path of this place in a task's staging. */
        Path in(Path staging) {
            Path directory = staging.resolve("dirs").resolve(Integer.toString(index));
            return relative.isEmpty() ? directory : directory.resolve(relative);
        }
    }

    /** Of a task whose paths were checked (absolute, normalized). */
    static SharedDirectories of(List<String> volumes, List<TesOutput> outputs) {
        TreeSet<String> all = new TreeSet<>();
        if (volumes != null) {
            volumes.forEach(volume -> all.add(Path.of(volume).toString()));
        }
        if (outputs != null) {
            outputs.forEach(output -> all.add(directoryOf(output)));
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt((String path) -> Path.of(path).getNameCount())
                .thenComparing(Comparator.naturalOrder()));
        List<String> mounted = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        for (String directory : sorted) {
            if (mounted.stream().anyMatch(outer -> ContainerPaths.within(directory, outer))) {
                nested.add(directory);
            } else {
                mounted.add(directory);
            }
        }
        return new SharedDirectories(List.copyOf(mounted), List.copyOf(nested));
    }

    /** The directory an output is written in: a file's parent, a directory itself, a pattern's base. */
    static String directoryOf(TesOutput output) {
        String path = Path.of(output.path()).toString();
        if (ContainerPaths.hasWildcard(path)) {
            return ContainerPaths.wildcardBase(path);
        }
        if (output.type() == TesFileType.DIRECTORY) {
            return path;
        }
        Path parent = Path.of(path).getParent();
        return parent == null ? "/" : parent.toString();
    }

    /** The container directories mounted from the staging, in the order of their indexes. */
    List<String> mounted() {
        return mounted;
    }

    /** The places of the directories inside a mounted one, to be made before the job runs. */
    List<Location> nested() {
        return nested.stream().map(directory -> locate(directory).orElseThrow()).toList();
    }

    /** Where a container path lies in the staging; empty when no shared directory holds it. */
    Optional<Location> locate(String containerPath) {
        for (int i = 0; i < mounted.size(); i++) {
            Path outer = Path.of(mounted.get(i));
            Path path = Path.of(containerPath);
            if (path.startsWith(outer)) {
                return Optional.of(new Location(i, outer.relativize(path).toString()));
            }
        }
        return Optional.empty();
    }
}
