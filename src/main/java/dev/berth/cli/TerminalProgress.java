package dev.berth.cli;

import java.io.PrintWriter;

/** The line rewritten in place: a carriage return, the new text, and spaces over what is left of the old. */
final class TerminalProgress implements Progress {
    private final PrintWriter err;
    private int shownLength;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void show(ProgressLine line) {
        String text = line.text();
        err.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
        err.flush();
        shownLength = text.length();
    }

    @Override
    public void done() {
        if (shownLength > 0) {
            err.println();
            err.flush();
            shownLength = 0;
        }
    }
}
