package dev.berth.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON array of strings held in a string, such as {@code ["scan1","scan2"]}: XNAT stores a
 * select-many default that way because its {@code default-value} is always text. Kept here, small and
 * strict, so that this package needs no JSON library at run time.
 */
final class JsonStringList {
    private final String text;
    private int pos;

    private JsonStringList(String text) {
        this.text = text;
    }

    /** The strings of the array; throws {@link IllegalArgumentException} when the text is not one. */
    static List<String> parse(String text) {
        return new JsonStringList(text).array();
    }

    private List<String> array() {
        List<String> items = new ArrayList<>();
        expect('[');
        if (peek() == ']') {
            pos++;
        } else {
            do {
                items.add(string());
            } while (next() == ',');
            pos--;
            expect(']');
        }
        if (skipBlanks() < text.length()) {
            throw invalid();
        }
        return items;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        for (char c = take(); c != '"'; c = take()) {
            out.append(c == '\\' ? escaped(take()) : c);
        }
        return out.toString();
    }

    private char escaped(char c) {
        return switch (c) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            case '"', '\\', '/' -> c;
            default -> throw invalid();
        };
    }

    private char unicode() {
        if (pos + 4 > text.length()) {
            throw invalid();
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw invalid();
        }
    }

    /** The next character after blanks, consumed. */
    private char next() {
        skipBlanks();
        return take();
    }

    private char peek() {
        skipBlanks();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private char take() {
        if (pos >= text.length()) {
            throw invalid();
        }
        return text.charAt(pos++);
    }

    private int skipBlanks() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return pos;
    }

    private IllegalArgumentException invalid() {
        return new IllegalArgumentException("not a JSON list of strings: " + text);
    }
}
