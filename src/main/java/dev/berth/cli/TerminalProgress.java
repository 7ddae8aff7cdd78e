package dev.berth.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The line rewritten in place (a carriage return, the new text, spaces over what is left of the
 * old), led by the phases the job has passed: {@code Pending (Queued 3/12) → Launching → Running
 * 00:42}, each as it was last seen. Only the last few are kept, so that retries cannot make the
 * line wrap.
 */
final class TerminalProgress implements Progress {
    static final String ARROW = " → ";
    private static final int PASSED_KEPT = 3;

    private final PrintWriter err;
    private final Deque<String> passed = new ArrayDeque<>();
    private String phase = "";
    private String lastText = "";
    private int shownLength;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void show(ProgressLine line) {
        String text = trail(line);
        err.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
        err.flush();
        shownLength = text.length();
    }

    /** The line with the phases passed before this one. */
    String trail(ProgressLine line) {
        String current = line.phaseAndReason().split(" ", 2)[0];
        if (!phase.isEmpty() && !current.equals(phase)) {
            passed.addLast(lastText);
            if (passed.size() > PASSED_KEPT) {
                passed.removeFirst();
            }
        }
        phase = current;
        lastText = line.text();
        return passed.isEmpty() ? lastText : String.join(ARROW, passed) + ARROW + lastText;
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
