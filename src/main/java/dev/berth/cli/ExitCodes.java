package dev.berth.cli;

/**
 * The exit codes of berth besides a job's own (run --wait). 125 follows {@code docker run}: the job
 * ended without an exit code of its own to pass on.
 */
final class ExitCodes {
    static final int OK = 0;
    /** The server answered with an error (4xx or 5xx), or a file could not be read. */
    static final int REFUSED = 1;
    /** picocli's own for a command line it cannot parse. */
    static final int USAGE = 2;
    /** sysexits' EX_UNAVAILABLE: no server answered at --server. */
    static final int UNREACHABLE = 69;
    /**
     * run --wait: the job did not succeed and has no exit code of its own that says so: it ended
     * without one (cancelled before it ran, image not found, ...), or with 0 (a container that exits
     * 0 on SIGTERM, when cancelled or past its deadline), which a script would take for success.
     */
    static final int NO_EXIT_CODE = 125;

    private ExitCodes() {
    }
}
