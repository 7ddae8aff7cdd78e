package dev.berth.fuzz;

/**
 * Text helpers of the fuzz inputs and their reports: quoting a value into a hand-written body, and
 * making any input, however long or strange, printable on one line of a failure message.
 */
public final class Texts {
    private Texts() {
    }

    /** At most 300 characters, with everything outside printable ASCII escaped, for a readable failure. */
    public static String shorten(String text) {
        String escaped = escape(text);
        return escaped.length() <= 300 ? escaped : escaped.substring(0, 300) + "... (" + text.length() + " chars)";
    }

    /** Every character outside printable ASCII as its four-digit escape, so that control and invisible ones show. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /** Bytes as hex: the way to show bytes that are not text at all. */
    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }

    /** A JSON string literal (also a YAML double-quoted scalar); {@code asciiOnly} escapes every other character. */
    static String quote(String text, boolean asciiOnly) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || (asciiOnly && c > 0x7E)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String quote(String text) {
        return quote(text, false);
    }
}
