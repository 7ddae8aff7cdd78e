package dev.berth.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Why a command could not do what it was asked, as the lines to print on stderr (each prefixed
 * {@code berth: } once, on the first) and the exit code. Never carries a stack trace to the user.
 */
class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;
    private final int exitCode;

    CliFailure(int exitCode, List<String> lines) {
        super(String.join("\n", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    CliFailure(int exitCode, String line) {
        this(exitCode, List.of(line));
    }

    int exitCode() {
        return exitCode;
    }

    List<String> lines() {
        return lines;
    }

    /** The first line prefixed {@code berth: }, as a shell's tools say who speaks; the problems under it as they are. */
    void printTo(PrintWriter err) {
        err.println("berth: " + lines.get(0));
        lines.stream().skip(1).forEach(err::println);
        err.flush();
    }
}
