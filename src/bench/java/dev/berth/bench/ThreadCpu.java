package dev.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads, grouped by thread name, from /proc/PID/task/TID/stat: a
 * poor man's profile that shows which of Berth's threads (request handlers, the reconciler, the
 * database) take the CPU during a measurement, with no agent in the server.
 */
final class ThreadCpu {
    static final String JIT = "JIT compiler";
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux

    private ThreadCpu() {
    }

    /** Seconds of CPU (user + system) per thread-name group, e.g. "dw-*" for Jetty's request threads. */
    static Map<String, Double> sample(long pid) throws IOException {
        Map<String, Double> byGroup = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    byGroup.merge(group(name), seconds, Double::sum);
                } catch (IOException threadEnded) {
                    // the thread ended between listing and reading
                }
            }
        }
        return byGroup;
    }

    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new HashMap<>();
        after.forEach((group, seconds) -> used.put(group, seconds - before.getOrDefault(group, 0.0)));
        return used;
    }

    /** Jetty names its threads dw-NN (plus the request), the GC its workers by number: fold those. */
    private static String group(String name) {
        if (name.startsWith("dw-")) {
            return "dw-* (Jetty request threads)";
        }
        if (name.startsWith("berth-reconcile")) {
            return "berth-reconciler";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ")) {
            return "GC";
        }
        if (name.startsWith("H2 ") || name.contains("MVStore")) {
            return "H2 database";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return JIT;
        }
        return "other";
    }
}
