package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No package of Berth imports one that imports it back, directly or through others (house style). */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "berth");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.berth\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void thePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = imports();

        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        }

        assertThat(uses).as("packages read from %s", SOURCES).containsKeys("core", "reconcile", "jobs", "docker");
        assertThat(cycles).as("package cycles").isEmpty();
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                  Set<String> seen, List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(start, next, uses, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Each package of dev.berth with the other packages of dev.berth its classes import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class wires every package together
                }
                String owner = relative.getName(0).toString();
                Matcher imported = IMPORT.matcher(Files.readString(file));
                Set<String> used = uses.computeIfAbsent(owner, key -> new TreeSet<>());
                while (imported.find()) {
                    if (!imported.group(1).equals(owner)) {
                        used.add(imported.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
