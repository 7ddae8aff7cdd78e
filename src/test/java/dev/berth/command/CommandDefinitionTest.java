package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandDefinitionTest {

    @Test
    void readsAnXnatCommandWithItsWrappersAndOutputs() {
        CommandDefinition command = Fixtures.load("dcm2niix");

        assertThat(command.name()).isEqualTo("dcm2niix");
        assertThat(command.version()).isEqualTo("1.6");
        assertThat(command.label()).isEqualTo("dcm2niix");
        assertThat(command.infoUrl()).isEqualTo("https://github.com/rordenlab/dcm2niix");
        assertThat(command.schemaVersion()).isEqualTo("1.0");
        assertThat(command.typeOrDefault()).isEqualTo("docker");
        assertThat(command.image()).isEqualTo("xnat/dcm2niix:1.0.20230411");
        assertThat(command.commandLine()).isEqualTo("dcm2niix [BIDS] [OTHER_OPTIONS] -o /output /input");
        assertThat(command.overridesEntrypoint()).isFalse();
        assertThat(command.mounts()).containsExactly(
                new CommandMount("dicom-in", "/input", false), new CommandMount("nifti-out", "/output", true));
        assertThat(command.inputs()).extracting(CommandInput::name).containsExactly("bids", "other-options");
        assertThat(new CommandValidator().validate(command)).isEmpty();
    }

    @Test
    void readsEveryInputField() {
        CommandInput bids = Fixtures.load("dcm2niix").input("bids").orElseThrow();

        assertThat(bids).isEqualTo(new CommandInput("bids", "Create BIDS metadata file", "boolean", false, false,
                "[BIDS]", "-b", null, "y", "n", List.of(), null, null, null));
        CommandInput scans = Fixtures.load("select-many").input("MULTI_FLAG").orElseThrow();
        assertThat(scans.commandLineSeparator()).isEqualTo("=");
        assertThat(scans.multipleDelimiter()).isEqualTo("flag");
        assertThat(scans.selectValues()).containsExactly("scan1", "scan2", "junk");
        assertThat(Fixtures.load("debug").input("TOKEN").orElseThrow().sensitiveOrDefault()).isTrue();
        assertThat(Fixtures.load("dcm2niix-options").input("filename").orElseThrow().userSettable()).isTrue();
    }

    @Test
    void readsLimitsLabelsEnvironmentAndWorkingDirectory() {
        CommandDefinition command = Fixtures.load("dcm2niix-options");

        assertThat(command.reserveMemory()).isEqualTo(512L);
        assertThat(command.limitMemory()).isEqualTo(2048L);
        assertThat(command.limitCpu()).isEqualTo(1.5);
        assertThat(command.containerLabels()).isEqualTo(Map.of("org.example.tool", "dcm2niix"));
        assertThat(command.environmentVariables())
                .isEqualTo(Map.of("DCM2NIIX_COMPRESSION", "[COMPRESS]", "FILENAME_PATTERN", "[FILENAME]"));
        assertThat(command.workingDirectory()).isEqualTo("/output");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcm2niix", "commands-md-example", "dcm2niix-options", "debug", "override-entrypoint",
            "select-many"})
    void everyFixtureIsValid(String fixture) {
        assertThat(new CommandValidator().validate(Fixtures.load(fixture))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "true     | true",
            "false    | false",
            "'\"true\"' | true",
            "'\"false\"'| false",
            "'\"TRUE\"' | true",
            "null     | false"})
    void readsWritableAsABooleanOrAString(String json, boolean writable) {
        CommandDefinition command = Fixtures.parse(
                "{\"name\":\"n\",\"image\":\"i\",\"mounts\":[{\"name\":\"m\",\"path\":\"/m\",\"writable\":" + json + "}]}");

        assertThat(command.mounts().get(0).writable()).isEqualTo(writable);
    }

    @Test
    void leavesWritableOutWhenAbsent() {
        CommandDefinition command = Fixtures.parse("{\"name\":\"n\",\"image\":\"i\",\"mounts\":[{\"name\":\"m\",\"path\":\"/m\"}]}");

        assertThat(command.mounts().get(0).writable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "1", "[]"})
    void refusesOtherWritableValues(String json) {
        assertThatThrownBy(() -> Fixtures.parse(
                "{\"name\":\"n\",\"image\":\"i\",\"mounts\":[{\"name\":\"m\",\"path\":\"/m\",\"writable\":" + json + "}]}"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("mount 'm': writable must be true or false");
    }

    @Test
    void keepsDefaultValuesInTheShapeJsonGaveThem() {
        CommandDefinition command = Fixtures.parse("""
                {"name": "n", "image": "i", "inputs": [
                  {"name": "a", "default-value": "text"}, {"name": "b", "default-value": false},
                  {"name": "c", "default-value": 3}, {"name": "d", "default-value": ["x", "y"]}]}""");

        assertThat(command.inputs()).extracting(CommandInput::defaultValue)
                .containsExactly("text", false, 3, List.of("x", "y"));
    }

    @Test
    void stillRefusesMalformedJson() {
        assertThatThrownBy(() -> Fixtures.parse("{\"name\": \"n\", \"inputs\": {}}"))
                .hasCauseInstanceOf(JsonMappingException.class);
    }

    @Test
    void defaultsTheOptionalParts() {
        CommandDefinition command = Fixtures.parse("{\"name\": \"n\", \"image\": \"i\"}");

        assertThat(command.typeOrDefault()).isEqualTo("docker");
        assertThat(command.overridesEntrypoint()).isFalse();
        assertThat(command.inputs()).isEmpty();
        assertThat(command.mounts()).isEmpty();
        assertThat(command.environmentVariables()).isEmpty();
        assertThat(command.containerLabels()).isEmpty();
    }

    @Test
    void writesBackInKebabCase() throws Exception {
        String json = Fixtures.MAPPER.writeValueAsString(Fixtures.load("commands-md-example"));

        assertThat(json).contains("\"command-line\":\"dcm2niix [BIDS] [OTHER] -o /output /input\"",
                "\"replacement-key\":\"[BIDS]\"", "\"true-value\":\"y\"");
        assertThat(json).doesNotContain("OrDefault", "overridesEntrypoint", "hasFlag");
        assertThat(Fixtures.parse(json)).isEqualTo(Fixtures.load("commands-md-example"));
    }
}
