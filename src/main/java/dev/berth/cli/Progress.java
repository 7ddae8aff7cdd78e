package dev.berth.cli;

import java.io.PrintWriter;

/**
 * Where the progress line goes, on stderr. On a terminal it is one line rewritten in place; in a CI
 * log, where a carriage return would pile every version up, each change of phase or reason is a
 * line of its own (a queue position or a clock that moves is not a change).
 */
interface Progress {
    /** Shows the line now; called at every poll. */
    void show(ProgressLine line);

    /** Ends the line, so that what follows (the job's logs) starts on a fresh one. */
    void done();

    /**
     * The terminal is known from scripts/berth, which asks the shell ({@code [ -t 2 ]}) and passes
     * {@code -Dberth.cli.terminal}; without it the JVM's console (stdin and stdout a terminal) is the
     * best guess Java offers, as it cannot ask about stderr. So is the terminal's width
     * ({@code -Dberth.cli.columns}, from {@code tput cols}), else the usual 80.
     */
    static Progress onStderr(PrintWriter err, String jobId) {
        String told = System.getProperty("berth.cli.terminal");
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        int columns = Math.max(20, Integer.getInteger("berth.cli.columns", 80));
        return terminal && !"dumb".equals(System.getenv("TERM")) ? new TerminalProgress(err, columns)
                : new PlainProgress(err, jobId);
    }
}
