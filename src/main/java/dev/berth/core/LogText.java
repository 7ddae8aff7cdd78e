package dev.berth.core;

/** Small text operations on captured output. */
public final class LogText {
    private LogText() {
    }

    /** The last {@code lines} lines (all when null); a final line without a newline counts as a line. */
    public static String tail(String text, Integer lines) {
        if (lines == null) {
            return text;
        }
        if (lines == 0 || text.isEmpty()) {
            return "";
        }
        int start = text.endsWith("\n") ? text.length() - 1 : text.length();
        for (int i = 0; i < lines; i++) {
            start = text.lastIndexOf('\n', start - 1);
            if (start < 0) {
                return text;
            }
        }
        return text.substring(start + 1);
    }
}
