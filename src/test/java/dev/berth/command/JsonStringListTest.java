package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** XNAT's select-many defaults, a JSON list of strings held in a string. */
class JsonStringListTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("[\"scan1\",\"scan2\"]", List.of("scan1", "scan2")),
                Arguments.of(" [ \"a\" , \"b\" ] ", List.of("a", "b")),
                Arguments.of("[]", List.of()),
                Arguments.of("[ ]", List.of()),
                Arguments.of("[\"\"]", List.of("")),
                Arguments.of("[\"q\\\"uote\", \"back\\\\slash\", \"tab\\t\", \"\\u00e9\", \"a\\/b\"]",
                        List.of("q\"uote", "back\\slash", "tab\t", "é", "a/b")));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void readsAJsonListOfStrings(String text, List<String> items) {
        assertThat(JsonStringList.parse(text)).containsExactlyElementsOf(items);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[", "[\"a\"", "[\"a\",]", "[a]", "[1]", "[\"a\"] x", "{\"a\": 1}", "[\"\\x\"]",
            "[\"\\u12\"]", "[\"a\" \"b\"]"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> JsonStringList.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
