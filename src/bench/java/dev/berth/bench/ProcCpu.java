package dev.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds (user + system) a process has used so far, from /proc/PID/stat. */
final class ProcCpu {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux

    private ProcCpu() {
    }

    /** NaN when there is no such process (or no pid: {@code pid} 0). */
    static double seconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // After the command name in parentheses: state is field 3, utime 14 and stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The engine's dockerd, when scripts/bench could name it (-Dbench.enginePid); 0 otherwise. */
    static long enginePid() {
        String pid = System.getProperty("bench.enginePid", "");
        return pid.isBlank() ? 0 : Long.parseLong(pid.trim());
    }
}
