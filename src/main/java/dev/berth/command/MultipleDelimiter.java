package dev.berth.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the values of a select-many input are joined into one piece of command line. */
enum MultipleDelimiter {
    SPACE("space"), COMMA("comma"), QUOTED_SPACE("quoted-space"), FLAG("flag");

    private final String wireName;

    MultipleDelimiter(String wireName) {
        this.wireName = wireName;
    }

    /** An absent delimiter means {@code space}; an unknown one is empty. */
    static Optional<MultipleDelimiter> of(String name) {
        if (name == null) {
            return Optional.of(SPACE);
        }
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }

    /** The joined values; {@code flag} puts the flag and separator before every value. */
    String join(List<String> values, String flag, String separator) {
        return switch (this) {
            case SPACE -> String.join(" ", values);
            case COMMA -> String.join(",", values);
            case QUOTED_SPACE -> "'" + String.join(" ", values) + "'";
            case FLAG -> values.stream().map(v -> flag + separator + v).collect(Collectors.joining(" "));
        };
    }
}
