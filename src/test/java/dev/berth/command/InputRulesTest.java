package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The resolution rules of docs/commands.md for one input at a time, on a command {@code run <input> end}. */
class InputRulesTest {
    private static final String SELECT = "\"select-values\": [\"a\", \"b\", \"c\"]";

    private final CommandResolver resolver = new CommandResolver();

    static Stream<Arguments> valueSources() {
        return Stream.of(
                Arguments.of("{\"name\": \"x\", \"default-value\": \"dflt\"}", "given", "run given end"),
                Arguments.of("{\"name\": \"x\", \"default-value\": \"dflt\"}", null, "run dflt end"),
                Arguments.of("{\"name\": \"x\", \"default-value\": \"dflt\"}", "", "run dflt end"),
                Arguments.of("{\"name\": \"x\"}", null, "run  end"),
                Arguments.of("{\"name\": \"x\", \"command-line-flag\": \"-x\"}", null, "run  end"));
    }

    @ParameterizedTest
    @MethodSource("valueSources")
    void takesTheRuntimeValueElseTheDefaultElseNone(String input, Object value, String line) {
        assertThat(line(input, value)).isEqualTo(line);
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                Arguments.of("{\"name\": \"x\", \"type\": \"string\"}", "hello", "run hello end"),
                Arguments.of("{\"name\": \"x\"}", 42, "run 42 end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", 3, "run 3 end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", 2.5, "run 2.5 end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", 1e20, "run 100000000000000000000 end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", "2.50", "run 2.50 end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", "-1e3", "run -1e3 end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", true, "run true end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", false, "run false end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", "True", "run true end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", "FALSE", "run false end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-one\", " + SELECT + "}", "b", "run b end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-many\", " + SELECT + "}", List.of("c", "a"), "run c a end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-many\", " + SELECT + "}", "[\"a\", \"b\"]", "run a b end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-many\", " + SELECT + "}", List.of(), "run  end"));
    }

    @ParameterizedTest
    @MethodSource("acceptedValues")
    void acceptsValuesOfTheInputsType(String input, Object value, String line) {
        assertThat(line(input, value)).isEqualTo(line);
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", "abc", "input 'x': expected a number, got 'abc'"),
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", "NaN", "input 'x': expected a number, got 'NaN'"),
                Arguments.of("{\"name\": \"x\", \"type\": \"number\"}", true, "input 'x': expected a number, got 'true'"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", "yes", "input 'x': expected true or false, got 'yes'"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", 1, "input 'x': expected true or false, got '1'"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-one\", " + SELECT + "}", "z", "input 'x': 'z' is not one of [a, b, c]"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-one\", " + SELECT + "}", List.of("a"),
                        "input 'x': expected a single value, got '[a]'"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-many\", " + SELECT + "}", "a", "input 'x': expected a list, got 'a'"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-many\", " + SELECT + "}", List.of("a", "z"),
                        "input 'x': 'z' is not one of [a, b, c]"),
                Arguments.of("{\"name\": \"x\", \"type\": \"select-many\", " + SELECT + "}", "[\"a\"",
                        "input 'x': expected a JSON list of strings, got '[\"a\"'"),
                Arguments.of("{\"name\": \"x\"}", List.of("a"), "input 'x': expected a single value, got '[a]'"),
                Arguments.of("{\"name\": \"x\"}", Map.of("a", 1), "input 'x': expected a single value, got '{a=1}'"));
    }

    @ParameterizedTest
    @MethodSource("refusedValues")
    void refusesValuesOfAnotherType(String input, Object value, String problem) {
        assertThatThrownBy(() -> line(input, value))
                .isInstanceOfSatisfying(ResolutionException.class, e -> assertThat(e.problems()).containsExactly(problem));
    }

    static Stream<Arguments> booleans() {
        return Stream.of(
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", true, "run true end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\"}", false, "run false end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\", \"true-value\": \"--verbose\", \"false-value\": \"\"}", true, "run --verbose end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\", \"true-value\": \"--verbose\", \"false-value\": \"\"}", false, "run  end"),
                Arguments.of("{\"name\": \"x\", \"type\": \"boolean\", \"command-line-flag\": \"-b\", \"true-value\": \"y\", \"false-value\": \"n\"}", false, "run -b n end"));
    }

    @ParameterizedTest
    @MethodSource("booleans")
    void writesBooleansAsTheirTrueOrFalseValue(String input, Object value, String line) {
        assertThat(line(input, value)).isEqualTo(line);
    }

    static Stream<Arguments> delimiters() {
        return Stream.of(
                Arguments.of("", "run a b end", List.of("run", "a", "b", "end")),
                Arguments.of(", \"multiple-delimiter\": \"space\"", "run a b end", List.of("run", "a", "b", "end")),
                Arguments.of(", \"multiple-delimiter\": \"comma\"", "run a,b end", List.of("run", "a,b", "end")),
                Arguments.of(", \"multiple-delimiter\": \"quoted-space\"", "run 'a b' end", List.of("run", "a b", "end")),
                Arguments.of(", \"multiple-delimiter\": \"flag\", \"command-line-flag\": \"--f\", \"command-line-separator\": \"=\"",
                        "run --f=a --f=b end", List.of("run", "--f=a", "--f=b", "end")),
                Arguments.of(", \"multiple-delimiter\": \"flag\", \"command-line-flag\": \"-f\"",
                        "run -f a -f b end", List.of("run", "-f", "a", "-f", "b", "end")),
                Arguments.of(", \"multiple-delimiter\": \"comma\", \"command-line-flag\": \"--scans\"",
                        "run --scans a,b end", List.of("run", "--scans", "a,b", "end")),
                Arguments.of(", \"multiple-delimiter\": \"quoted-space\", \"command-line-flag\": \"-s\"",
                        "run -s 'a b' end", List.of("run", "-s", "a b", "end")));
    }

    @ParameterizedTest
    @MethodSource("delimiters")
    void joinsSelectManyValuesByTheirDelimiter(String extra, String line, List<String> argv) {
        ResolvedCommand resolved = resolve("{\"name\": \"x\", \"type\": \"select-many\", " + SELECT + extra + "}",
                List.of("a", "b"));

        assertThat(resolved.commandLine()).isEqualTo(line);
        assertThat(resolved.command()).containsExactlyElementsOf(argv);
    }

    static Stream<Arguments> lineTexts() {
        return Stream.of(
                Arguments.of("{\"name\": \"x\"}", "v", "run v end"),
                Arguments.of("{\"name\": \"x\", \"command-line-flag\": \"--x\"}", "v", "run --x v end"),
                Arguments.of("{\"name\": \"x\", \"command-line-flag\": \"--x\", \"command-line-separator\": \"=\"}", "v", "run --x=v end"),
                Arguments.of("{\"name\": \"x\", \"command-line-flag\": \"-x\", \"command-line-separator\": \"\"}", "v", "run -xv end"),
                Arguments.of("{\"name\": \"x\", \"command-line-flag\": \"--x\"}", null, "run  end"));
    }

    @ParameterizedTest
    @MethodSource("lineTexts")
    void putsTheFlagAndSeparatorBeforeTheValueInTheCommandLine(String input, Object value, String line) {
        assertThat(line(input, value)).isEqualTo(line);
    }

    @Test
    void replacesEveryOccurrenceOfTheDefaultKeyAndGivesEnvAndWorkingDirTheBareValue() {
        CommandDefinition command = Fixtures.parse("""
                {"name": "n", "image": "i", "command-line": "tool #x# --again=#x# #y#",
                 "working-directory": "/work/#x#",
                 "environment-variables": {"X": "#x#", "BOTH": "#x#-#y#", "#x#": "keys stay"},
                 "inputs": [{"name": "x", "command-line-flag": "-x"}, {"name": "y", "command-line-flag": "-y"}]}""");

        ResolvedCommand resolved = resolver.resolve(command, Map.of("x", "one", "y", "two"), Map.of());

        assertThat(resolved.commandLine()).isEqualTo("tool -x one --again=-x one -y two");
        assertThat(resolved.env()).containsExactly(
                Map.entry("#x#", "keys stay"), Map.entry("BOTH", "one-two"), Map.entry("X", "one"));
        assertThat(resolved.workingDir()).isEqualTo("/work/one");
    }

    @Test
    void replacesInOnePassSoThatValuesAreNeverReplacedAgain() {
        CommandDefinition command = Fixtures.parse("""
                {"name": "n", "image": "i", "command-line": "echo #a# #ab#",
                 "inputs": [{"name": "a"}, {"name": "ab"}]}""");

        ResolvedCommand resolved = resolver.resolve(command, Map.of("a", "#ab#", "ab", "B"), Map.of());

        assertThat(resolved.command()).containsExactly("echo", "#ab#", "B");
    }

    @Test
    void aWorkingDirectoryThatResolvesToNothingIsLeftToTheImage() {
        CommandDefinition command = Fixtures.parse("""
                {"name": "n", "image": "i", "working-directory": "#dir#", "inputs": [{"name": "dir"}]}""");

        assertThat(resolver.resolve(command, Map.of(), Map.of()).workingDir()).isNull();
    }

    private String line(String input, Object value) {
        return resolve(input, value).commandLine();
    }

    private ResolvedCommand resolve(String input, Object value) {
        CommandDefinition command = Fixtures.parse(
                "{\"name\": \"n\", \"image\": \"i\", \"command-line\": \"run #x# end\", \"inputs\": [" + input + "]}");
        Map<String, Object> params = new HashMap<>();
        if (value != null) {
            params.put("x", value);
        }
        return resolver.resolve(command, params, Map.of());
    }
}
