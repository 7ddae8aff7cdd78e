package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Any printable name XNAT accepts is a name; refused is only what cannot be one URL path segment. */
class CommandNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"RegAladin (NiftyReg)", "dcm2niix", "a b", " leading and trailing ", "a;b", "a?b#c",
            "a+b=c&d", "import", "über ünicode 名前", "brain 🧠 scan", "...", ".x", "x.", "'quoted' \"too\"", "a:b@c"})
    void printableNamesAreValid(String name) {
        assertThat(CommandNames.problem(name)).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a/b", "'/' at character 2, which cannot travel in a URL path segment"),
                Arguments.of("a\\b", "'\\' at character 2"),
                Arguments.of("100%", "'%' at character 4"),
                Arguments.of(".", "dot segment"),
                Arguments.of("..", "dot segment"),
                Arguments.of("tab\there", "unprintable character U+0009 at character 4"),
                Arguments.of("new\nline", "U+000A at character 4"),
                Arguments.of("zero\u200bwidth", "U+200B at character 5"),
                Arguments.of("bell\u0007", "U+0007 at character 5"),
                Arguments.of("🧠/", "'/' at character 2"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aRefusedNameIsToldWhichCharacterAndWhere(String name, String problem) {
        assertThat(CommandNames.problem(name)).get().asString().contains(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\u00a0", " \u2007\u202f "})
    void aNameIsRequired(String name) {
        assertThat(CommandNames.problem(name)).get().asString().contains("name is required");
    }

    @Test
    void aNameIsAtMost253Characters() {
        assertThat(CommandNames.problem("n".repeat(253))).isEmpty();
        assertThat(CommandNames.problem("n".repeat(254))).get().asString().contains("at most 253");
    }
}
