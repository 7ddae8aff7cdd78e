package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way resolution fails, each problem naming its input or mount. */
class ResolutionFailuresTest {
    private static final String REFUSED = "', which is refused because values end up in shell command lines";

    private final CommandResolver resolver = new CommandResolver();
    private final CommandDefinition debug = Fixtures.load("debug");
    private final Map<String, String> output = Map.of("output", "/data/output");

    @Test
    void aRequiredInputWithoutValueFailsNamingIt() {
        assertProblems(debug, Map.of(), output).containsExactly("input 'MESSAGE' is required but has no value");
    }

    @Test
    void anEmptyValueForARequiredInputIsNoValue() {
        assertProblems(debug, Map.of("MESSAGE", ""), output).containsExactly("input 'MESSAGE' is required but has no value");
    }

    @Test
    void aValueForAnUndeclaredInputFails() {
        assertProblems(debug, Map.of("MESSAGE", "hi", "MESAGE", "typo"), output)
                .containsExactly("input 'MESAGE' is not an input of the command");
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "&&", "||", "`", "("})
    void aValueThatCouldSmuggleInACommandFailsNamingTheInput(String syntax) {
        assertProblems(debug, Map.of("MESSAGE", "hi" + syntax + "rm -rf /"), output)
                .containsExactly("input 'MESSAGE': value 'hi" + syntax + "rm -rf /' contains '" + syntax + REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a|b", "a&b", "$HOME", "a)", "#hash#", "'quoted'"})
    void otherShellCharactersAreLetThrough(String value) {
        assertThat(resolver.resolve(debug, Map.of("MESSAGE", "x", "TOKEN", value), output).env())
                .containsEntry("DEBUG_TOKEN", value);
    }

    @Test
    void aDefaultValueIsCheckedToo() {
        CommandDefinition command = Fixtures.parse("""
                {"name": "n", "image": "i", "inputs": [{"name": "x", "default-value": "a;b"}]}""");

        assertProblems(command, Map.of(), Map.of())
                .containsExactly("invalid command: input 'x': default value: value 'a;b' contains ';" + REFUSED);
    }

    @Test
    void aRefusedSensitiveValueIsNotRepeated() {
        assertProblems(debug, Map.of("MESSAGE", "hi", "TOKEN", "s3cr3t;x"), output)
                .containsExactly("input 'TOKEN': value ***** contains ';" + REFUSED);
    }

    @Test
    void aMountWithoutHostPathFailsNamingIt() {
        assertProblems(debug, Map.of("MESSAGE", "hi"), Map.of()).containsExactly("mount 'output' needs a host path");
        assertProblems(debug, Map.of("MESSAGE", "hi"), Map.of("output", " "))
                .containsExactly("mount 'output' needs a host path");
    }

    @Test
    void aHostPathForAMountTheCommandDoesNotHaveFails() {
        assertProblems(debug, Map.of("MESSAGE", "hi"), Map.of("output", "/data/output", "scratch", "/tmp"))
                .containsExactly("mount 'scratch' is not a mount of the command");
    }

    @Test
    void collectsEveryProblemAtOnce() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("TOKEN", "a;b");
        params.put("nope", 1);

        assertProblems(debug, params, Map.of("elsewhere", "/x")).containsExactly(
                "input 'nope' is not an input of the command",
                "input 'MESSAGE' is required but has no value",
                "input 'TOKEN': value ***** contains ';" + REFUSED,
                "mount 'output' needs a host path",
                "mount 'elsewhere' is not a mount of the command");
    }

    @Test
    void anInvalidCommandIsNotResolved() {
        assertThatThrownBy(() -> resolver.resolve(Fixtures.parse("{\"name\": \"n\"}"), Map.of(), Map.of()))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("cannot resolve command 'n': invalid command: image is required");
    }

    @Test
    void aValueThatUnbalancesTheQuotesOfTheLineFails() {
        assertProblems(debug, Map.of("MESSAGE", "say \"hi"), output)
                .containsExactly("command-line: unterminated double quote at column 42");
    }

    @Test
    void theMessageListsTheProblems() {
        assertThatThrownBy(() -> resolver.resolve(debug, Map.of(), Map.of()))
                .hasMessage("cannot resolve command 'debug-echo': input 'MESSAGE' is required but has no value; "
                        + "mount 'output' needs a host path");
    }

    @Test
    void nullParamsAndMountsMeanNone() {
        CommandDefinition command = Fixtures.parse("{\"name\": \"n\", \"image\": \"i\", \"command-line\": \"date\"}");

        assertThat(resolver.resolve(command, null, null).command()).isEqualTo(List.of("date"));
    }

    private ListAssert<String> assertProblems(CommandDefinition command, Map<String, Object> params,
            Map<String, String> mounts) {
        ResolutionException failure = catchThrowableOfType(ResolutionException.class,
                () -> resolver.resolve(command, params, mounts));
        assertThat(failure).as("resolution fails").isNotNull();
        return assertThat(failure.problems());
    }
}
