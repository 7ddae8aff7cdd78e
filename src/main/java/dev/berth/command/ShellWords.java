package dev.berth.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does before running it, and nothing more:
 * single quotes are literal, double quotes honour backslash before {@code $ ` " \} and newline,
 * a backslash outside quotes takes the next character literally, and unquoted empty pieces vanish
 * while {@code ''} and {@code ""} are kept as empty words. No expansion, globbing, redirection or
 * comments: without {@code override-entrypoint} no shell runs, so none of those would happen anyway.
 */
public final class ShellWords {
    private static final String BLANKS = " \t\n";
    private static final String ESCAPABLE_IN_DOUBLE_QUOTES = "$`\"\\\n";

    private final String line;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private int pos;

    private ShellWords(String line) {
        this.line = line;
    }

    /**
     * The words of the line; throws {@link IllegalArgumentException} on an unterminated quote. The
     * message gives the position only: the line may hold sensitive values.
     */
    public static List<String> split(String line) {
        return new ShellWords(line).words();
    }

    private List<String> words() {
        while (pos < line.length()) {
            char c = line.charAt(pos++);
            if (BLANKS.indexOf(c) >= 0) {
                endWord();
            } else if (c == '\'') {
                singleQuoted();
            } else if (c == '"') {
                doubleQuoted();
            } else if (c == '\\') {
                escaped();
            } else {
                append(c);
            }
        }
        endWord();
        return List.copyOf(words);
    }

    private void singleQuoted() {
        int end = line.indexOf('\'', pos);
        if (end < 0) {
            throw new IllegalArgumentException("unterminated single quote at column " + pos);
        }
        word.append(line, pos, end);
        inWord = true;
        pos = end + 1;
    }

    private void doubleQuoted() {
        int start = pos;
        inWord = true;
        while (pos < line.length()) {
            char c = line.charAt(pos++);
            if (c == '"') {
                return;
            }
            if (c == '\\' && pos < line.length() && ESCAPABLE_IN_DOUBLE_QUOTES.indexOf(line.charAt(pos)) >= 0) {
                char next = line.charAt(pos++);
                if (next != '\n') {
                    word.append(next);
                }
            } else {
                word.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated double quote at column " + start);
    }

    private void escaped() {
        if (pos == line.length()) {
            append('\\');
        } else if (line.charAt(pos) == '\n') {
            pos++; // a line continuation joins the lines and adds nothing
        } else {
            append(line.charAt(pos++));
        }
    }

    private void append(char c) {
        word.append(c);
        inWord = true;
    }

    private void endWord() {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
        }
    }
}
