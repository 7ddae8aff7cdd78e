package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellWordsTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("dcm2niix -b y  -o /output /input", List.of("dcm2niix", "-b", "y", "-o", "/output", "/input")),
                Arguments.of("", List.of()),
                Arguments.of(" \t\n ", List.of()),
                Arguments.of("  lead and trail  ", List.of("lead", "and", "trail")),
                Arguments.of("a\tb\nc", List.of("a", "b", "c")),
                Arguments.of("echo 'a  b' c", List.of("echo", "a  b", "c")),
                Arguments.of("echo 'no \\escape \"here\"'", List.of("echo", "no \\escape \"here\"")),
                Arguments.of("echo \"a  b\"", List.of("echo", "a  b")),
                Arguments.of("echo \"q\\\"uote \\\\ \\$HOME \\`x\\`\"", List.of("echo", "q\"uote \\ $HOME `x`")),
                Arguments.of("echo \"keep \\n and \\a\"", List.of("echo", "keep \\n and \\a")),
                Arguments.of("echo a\\ b \\'c\\' \\\\", List.of("echo", "a b", "'c'", "\\")),
                Arguments.of("echo '' \"\" x", List.of("echo", "", "", "x")),
                Arguments.of("pre'fix'\"ed\"post", List.of("prefixedpost")),
                Arguments.of("line\\\ncontinued \"in\\\nquotes\"", List.of("linecontinued", "inquotes")),
                Arguments.of("trailing\\", List.of("trailing\\")),
                Arguments.of("$HOME *.nii > out.txt # not a comment", List.of("$HOME", "*.nii", ">", "out.txt", "#", "not", "a", "comment")),
                Arguments.of("sh -c \"echo hello world > /output/message.txt\"",
                        List.of("sh", "-c", "echo hello world > /output/message.txt")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void splitsLikeAPosixShell(String line, List<String> words) {
        assertThat(ShellWords.split(line)).containsExactlyElementsOf(words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo 'open", "echo \"open", "echo \"escaped end\\\"", "a 'b' 'c"})
    void refusesUnterminatedQuotes(String line) {
        assertThatThrownBy(() -> ShellWords.split(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void namesTheColumnOfTheOpenQuoteButNotTheLine() {
        assertThatThrownBy(() -> ShellWords.split("echo 'secret-value"))
                .hasMessage("unterminated single quote at column 6");
        assertThatThrownBy(() -> ShellWords.split("echo \"secret-value"))
                .hasMessage("unterminated double quote at column 6");
    }
}
