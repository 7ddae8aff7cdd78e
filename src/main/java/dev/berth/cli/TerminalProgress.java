package dev.berth.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The line rewritten in place (a carriage return, the new text, spaces over what is left of the
 * old), led by the phases the job has passed: {@code Pending (Queued 3/12) → Launching → Running
 * 00:42}, each as it was last seen: the last few, and fewer when the line would not fit in the
 * terminal's width (a wrapped line cannot be rewritten, as the carriage return goes back to the
 * start of its last row only).
 */
final class TerminalProgress implements Progress {
    static final String ARROW = " → ";
    private static final int PASSED_KEPT = 3;

    private final PrintWriter err;
    private final int columns;
    private final Deque<String> passed = new ArrayDeque<>();
    private String phase = "";
    private String lastText = "";
    private int shownLength;

    TerminalProgress(PrintWriter err, int columns) {
        this.err = err;
        this.columns = columns;
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
        return fitted();
    }

    /** Shorter than the terminal by one column, so that the cursor never wraps to the next row. */
    private String fitted() {
        List<String> shown = new ArrayList<>(passed);
        shown.add(lastText);
        while (shown.size() > 1 && String.join(ARROW, shown).length() >= columns) {
            shown.remove(0);
        }
        String text = String.join(ARROW, shown);
        return text.length() < columns ? text : text.substring(0, Math.max(0, columns - 1));
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
