package dev.berth.command;

import java.util.Optional;

/**
 * What a command may be called. XNAT accepts any non-empty name (its niftyreg command is
 * {@code RegAladin (NiftyReg)}), and commands must load unchanged, so any printable text is a name.
 * Refused is only what cannot be addressed as one URL-encoded segment of
 * {@code /api/v1/commands/{name}}: Jetty answers 400 to an encoded {@code /}, {@code \} or
 * {@code %} in a path (ambiguous), and clients resolve {@code .} and {@code ..} away as dot segments
 * (encoded, Jetty refuses them too). CommandNamesApiTest sends every printable ASCII character.
 */
public final class CommandNames {
    /** The width of the name column, counted in Java chars, which is never fewer than the database's characters. */
    public static final int MAX_LENGTH = 253;
    private static final String PATH_UNSAFE = "/\\%";

    private CommandNames() {
    }

    /** Why the name is refused, or empty when it is a valid name. */
    public static Optional<String> problem(String name) {
        if (name == null || name.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return Optional.of("name is required"); // white space alone (no-break spaces too) names nothing visible
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("command name must be at most " + MAX_LENGTH + " characters, not " + name.length());
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("command name cannot be \"" + name + "\": it is a dot segment of a URL path");
        }
        for (int offset = 0, position = 1; offset < name.length(); position++) {
            int codePoint = name.codePointAt(offset);
            if (PATH_UNSAFE.indexOf(codePoint) >= 0) {
                return Optional.of("command name has '" + Character.toString(codePoint) + "' at character " + position
                        + ", which cannot travel in a URL path segment (names may not contain / \\ or %)");
            }
            if (!printable(codePoint)) {
                return Optional.of("command name has the unprintable character " + String.format("U+%04X", codePoint)
                        + " at character " + position);
            }
            offset += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
