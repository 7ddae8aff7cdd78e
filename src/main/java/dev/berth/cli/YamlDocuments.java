package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits YAML text into its documents at {@code ---} and {@code ...} lines, keeping each document's
 * text as written. Such a line can never be content (YAML forbids a document marker inside a
 * document), so splitting the text is exact; documents holding only comments are left out.
 */
final class YamlDocuments {
    private static final Pattern START = Pattern.compile("^---(\\s.*)?$");
    private static final Pattern END = Pattern.compile("^\\.\\.\\.\\s*$");
    private static final Pattern NO_CONTENT = Pattern.compile("^\\s*(#.*)?$");

    private YamlDocuments() {
    }

    static List<String> split(String text) {
        List<String> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (START.matcher(line).matches() || END.matcher(line).matches()) {
                addIfContent(documents, current);
                current.setLength(0);
            }
            if (!END.matcher(line).matches()) {
                current.append(line).append('\n');
            }
        }
        addIfContent(documents, current);
        return documents;
    }

    private static void addIfContent(List<String> documents, StringBuilder document) {
        boolean content = document.toString().lines()
                .anyMatch(line -> !NO_CONTENT.matcher(line).matches() && !line.equals("---"));
        if (content) {
            documents.add(document.toString());
        }
    }
}
