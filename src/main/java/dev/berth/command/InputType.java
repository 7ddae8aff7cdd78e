package dev.berth.command;

import java.util.Arrays;
import java.util.Optional;

/** The input types docs/commands.md defines; XNAT's spelling is the wire name. */
enum InputType {
    STRING("string"), NUMBER("number"), BOOLEAN("boolean"), SELECT_ONE("select-one"), SELECT_MANY("select-many");

    private final String wireName;

    InputType(String wireName) {
        this.wireName = wireName;
    }

    /** An absent type means {@code string}; an unknown one is empty. */
    static Optional<InputType> of(String name) {
        if (name == null) {
            return Optional.of(STRING);
        }
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    boolean isSelect() {
        return this == SELECT_ONE || this == SELECT_MANY;
    }

    String wireName() {
        return wireName;
    }
}
