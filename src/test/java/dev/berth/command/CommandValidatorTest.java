package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandValidatorTest {
    private final CommandValidator validator = new CommandValidator();

    static Stream<Arguments> invalidCommands() {
        return Stream.of(
                Arguments.of("{\"image\": \"i\"}", "name is required"),
                Arguments.of("{\"name\": \" \", \"image\": \"i\"}", "name is required"),
                Arguments.of("{\"name\": \"n\"}", "image is required"),
                Arguments.of("{\"name\": \"n\", \"image\": \"i\", \"type\": \"docker-setup\"}",
                        "type 'docker-setup' is not supported: only 'docker'"),
                Arguments.of(inputs("{\"name\": \"a\"}, {\"name\": \"a\", \"replacement-key\": \"#b#\"}"),
                        "duplicate input name 'a'"),
                Arguments.of(inputs("{\"description\": \"nameless\"}"), "input #1 has no name"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"file\"}"), "input 'a': unknown type 'file'"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"select-one\"}"),
                        "input 'a': select-one needs select-values"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"select-many\", \"select-values\": []}"),
                        "input 'a': select-many needs select-values"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"select-one\", \"select-values\": [\"x\"], \"default-value\": \"y\"}"),
                        "input 'a': default value: 'y' is not one of [x]"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"default-value\": [\"x\", \"z\"]}"),
                        "input 'a': default value: 'z' is not one of [x]"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"default-value\": \"[\\\"z\\\"]\"}"),
                        "input 'a': default value: 'z' is not one of [x]"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"number\", \"default-value\": \"five\"}"),
                        "input 'a': default value: expected a number, got 'five'"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"multiple-delimiter\": \"semicolon\"}"),
                        "input 'a': unknown multiple-delimiter 'semicolon'"),
                Arguments.of(inputs("{\"name\": \"a\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"multiple-delimiter\": \"flag\"}"),
                        "input 'a': multiple-delimiter flag needs a command-line-flag"),
                Arguments.of(inputs("{\"name\": \"a\", \"replacement-key\": \"[K]\"}, {\"name\": \"b\", \"replacement-key\": \"[K]\"}"),
                        "inputs 'a' and 'b' share the replacement key '[K]'"),
                Arguments.of(mounts("{\"name\": \"m\", \"path\": \"/m\"}, {\"name\": \"m\", \"path\": \"/n\"}"),
                        "duplicate mount name 'm'"),
                Arguments.of(mounts("{\"name\": \"m\"}"), "mount 'm' has no path"),
                Arguments.of(mounts("{\"name\": \"m\", \"path\": \"\"}"), "mount 'm' has no path"),
                Arguments.of(mounts("{\"name\": \"m\", \"path\": \"output\"}"), "mount 'm': path 'output' is not absolute"),
                Arguments.of(mounts("{\"path\": \"/m\"}"), "mount #1 has no name"),
                Arguments.of("{\"name\": \"n\", \"image\": \"i\", \"limit-memory\": 0}", "limit-memory must be positive (got 0)"),
                Arguments.of("{\"name\": \"n\", \"image\": \"i\", \"limit-cpu\": -1.0}", "limit-cpu must be positive (got -1.0)"),
                Arguments.of("{\"name\": \"n\", \"image\": \"i\", \"version\": \"" + "9".repeat(129) + "\"}",
                        "version must be at most 128 characters, not 129"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidCommands")
    void namesEachProblem(String json, String problem) {
        assertThat(validator.validate(Fixtures.parse(json))).containsExactly(problem);
    }

    @Test
    void returnsEveryProblemAtOnce() {
        CommandDefinition command = Fixtures.parse("""
                {"type": "singularity",
                 "inputs": [{"name": "a", "type": "select-one"}, {"name": "a", "type": "colour"}],
                 "mounts": [{"name": "m", "path": "relative"}]}""");

        assertThat(validator.validate(command)).containsExactly(
                "name is required",
                "image is required",
                "type 'singularity' is not supported: only 'docker'",
                "input 'a': select-one needs select-values",
                "duplicate input name 'a'",
                "input 'a': unknown type 'colour'",
                "mount 'm': path 'relative' is not absolute");
    }

    @Test
    void acceptsACommandLineThatRefersToNoInput() {
        CommandDefinition command = Fixtures.parse("{\"name\": \"n\", \"image\": \"i\", \"command-line\": \"date\"}");

        assertThat(validator.validate(command)).isEmpty();
    }

    @Test
    void acceptsAnExplicitDockerType() {
        assertThat(validator.validate(Fixtures.parse("{\"name\": \"n\", \"image\": \"i\", \"type\": \"docker\"}"))).isEmpty();
    }

    @Test
    void acceptsEveryKnownTypeAndDelimiter() {
        CommandDefinition command = Fixtures.parse(inputs(String.join(",", List.of(
                "{\"name\": \"s\", \"type\": \"string\"}",
                "{\"name\": \"n\", \"type\": \"number\", \"default-value\": 1.5}",
                "{\"name\": \"b\", \"type\": \"boolean\", \"default-value\": \"TRUE\"}",
                "{\"name\": \"o\", \"type\": \"select-one\", \"select-values\": [\"x\"], \"default-value\": \"x\"}",
                "{\"name\": \"m1\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"multiple-delimiter\": \"space\"}",
                "{\"name\": \"m2\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"multiple-delimiter\": \"comma\"}",
                "{\"name\": \"m3\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"multiple-delimiter\": \"quoted-space\"}",
                "{\"name\": \"m4\", \"type\": \"select-many\", \"select-values\": [\"x\"], \"multiple-delimiter\": \"flag\", \"command-line-flag\": \"-x\"}"))));

        assertThat(validator.validate(command)).isEmpty();
    }

    private static String inputs(String inputs) {
        return "{\"name\": \"n\", \"image\": \"i\", \"inputs\": [" + inputs + "]}";
    }

    private static String mounts(String mounts) {
        return "{\"name\": \"n\", \"image\": \"i\", \"mounts\": [" + mounts + "]}";
    }
}
