package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Mount;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole commands from the fixtures, resolved end to end. */
class CommandResolverTest {
    private final CommandResolver resolver = new CommandResolver();

    @Test
    void resolvesTheExampleOfCommandsMdExactly() {
        ResolvedCommand resolved = resolve("commands-md-example", Map.of("bids", true));

        assertThat(resolved.commandLine()).isEqualTo("dcm2niix -b y  -o /output /input");
        assertThat(resolved.command()).containsExactly("dcm2niix", "-b", "y", "-o", "/output", "/input");
        assertThat(resolved.entrypoint()).isNull();
    }

    static Stream<Arguments> dcm2niixRuns() {
        return Stream.of(
                Arguments.of(Map.of("bids", true), "dcm2niix -b y  -o /output /input",
                        List.of("dcm2niix", "-b", "y", "-o", "/output", "/input")),
                Arguments.of(Map.of(), "dcm2niix -b n  -o /output /input",
                        List.of("dcm2niix", "-b", "n", "-o", "/output", "/input")),
                Arguments.of(Map.of("bids", "TRUE", "other-options", "-z y -f %p_%s"),
                        "dcm2niix -b y -z y -f %p_%s -o /output /input",
                        List.of("dcm2niix", "-b", "y", "-z", "y", "-f", "%p_%s", "-o", "/output", "/input")));
    }

    @ParameterizedTest
    @MethodSource("dcm2niixRuns")
    void resolvesTheXnatDcm2niixCommand(Map<String, Object> params, String line, List<String> argv) {
        ResolvedCommand resolved = resolve("dcm2niix", params);

        assertThat(resolved.image()).isEqualTo("xnat/dcm2niix:1.0.20230411");
        assertThat(resolved.commandLine()).isEqualTo(line);
        assertThat(resolved.command()).containsExactlyElementsOf(argv);
        assertThat(resolved.env()).isEmpty();
        assertThat(resolved.workingDir()).isNull();
    }

    @Test
    void resolvesSelectInputsFlagsEnvironmentAndWorkingDirectory() {
        ResolvedCommand resolved = resolve("dcm2niix-options", Map.of("compress", "i", "merge", "2", "depth", 3));

        assertThat(resolved.commandLine()).isEqualTo("dcm2niix -b y -z i -m 2 -d 3 -f %p_%s  -o /output /input");
        assertThat(resolved.command()).containsExactly(
                "dcm2niix", "-b", "y", "-z", "i", "-m", "2", "-d", "3", "-f", "%p_%s", "-o", "/output", "/input");
        assertThat(resolved.env()).containsExactly(
                Map.entry("DCM2NIIX_COMPRESSION", "i"), Map.entry("FILENAME_PATTERN", "%p_%s"));
        assertThat(resolved.workingDir()).isEqualTo("/output");
        assertThat(resolved.containerLabels()).containsExactly(Map.entry("org.example.tool", "dcm2niix"));
    }

    @Test
    void runsTheDebugCommandThroughTheShellItNamesItself() {
        ResolvedCommand resolved = resolve("debug", Map.of("MESSAGE", "hello world"));

        assertThat(resolved.commandLine()).isEqualTo("sh -c \"echo hello world > /output/message.txt\"");
        assertThat(resolved.command()).containsExactly("sh", "-c", "echo hello world > /output/message.txt");
        assertThat(resolved.entrypoint()).isNull();
        assertThat(resolved.env()).containsExactly(Map.entry("DEBUG_MESSAGE", "hello world"), Map.entry("DEBUG_TOKEN", ""));
        assertThat(resolved.workingDir()).isEqualTo("/output");
        assertThat(resolved.mounts()).containsExactly(new Mount("/data/output", "/output", false));
    }

    @Test
    void overridingTheEntrypointRunsTheLineInAShellWithTheEntrypointCleared() {
        ResolvedCommand resolved = resolve("override-entrypoint", Map.of("SUFFIX", "run1"));

        assertThat(resolved.commandLine()).isEqualTo("ls -la /input | tee /output/listing-run1.txt");
        assertThat(resolved.command()).containsExactly("/bin/sh", "-c", "ls -la /input | tee /output/listing-run1.txt");
        assertThat(resolved.entrypoint()).isEmpty();
    }

    @Test
    void notOverridingTheEntrypointKeepsTheImagesEntrypoint() {
        assertThat(resolve("dcm2niix", Map.of()).entrypoint()).isNull();
    }

    @Test
    void aCommandWithoutACommandLineKeepsTheImagesCommandAndEntrypoint() {
        ResolvedCommand resolved = resolver.resolve(Fixtures.parse("{\"name\": \"n\", \"image\": \"i\", "
                + "\"override-entrypoint\": true, \"inputs\": [{\"name\": \"x\"}]}"), Map.of("x", "1"), Map.of());

        assertThat(resolved.command()).isNull();
        assertThat(resolved.entrypoint()).isNull();
        assertThat(resolved.commandLine()).isNull();
    }

    @Test
    void joinsEverySelectManyDelimiter() {
        List<String> scans = List.of("scan1", "scan2");
        ResolvedCommand resolved = resolve("select-many",
                Map.of("MULTI_FLAG", scans, "MULTI_QSPACE", scans, "MULTI_COMMA", scans, "MULTI_SPACE", scans));

        assertThat(resolved.commandLine()).isEqualTo(
                "echo --scan=scan1 --scan=scan2 'scan1 scan2' --scans scan1,scan2 scan1 scan2 scan1 scan2");
        assertThat(resolved.command()).containsExactly("echo", "--scan=scan1", "--scan=scan2", "scan1 scan2",
                "--scans", "scan1,scan2", "scan1", "scan2", "scan1", "scan2");
        assertThat(resolved.env()).containsExactly(Map.entry("SCANS_COMMA", "scan1,scan2"),
                Map.entry("SCANS_FLAG", "scan1 scan2"), Map.entry("SCANS_QSPACE", "'scan1 scan2'"));
    }

    @Test
    void bindsEachMountToItsHostPathReadOnlyUnlessWritable() {
        assertThat(resolve("dcm2niix", Map.of()).mounts()).containsExactly(
                new Mount("/data/dicom-in", "/input", true), new Mount("/data/nifti-out", "/output", false));
    }

    @Test
    void takesLimitsFromLimitMemoryAndLimitCpu() {
        assertThat(resolve("dcm2niix-options", Map.of()).resources()).isEqualTo(new Resources(1.5, 2048L));
        assertThat(resolve("dcm2niix", Map.of()).resources()).isEqualTo(Resources.NONE);
    }

    @Test
    void convertsToTheSpecToLaunch() {
        ResolvedCommand resolved = resolve("dcm2niix-options", Map.of());

        assertThat(resolved.toResolvedSpec()).isEqualTo(new ResolvedSpec("xnat/dcm2niix:1.0.20230411",
                List.of("dcm2niix", "-b", "y", "-z", "n", "-d", "5", "-f", "%p_%s", "-o", "/output", "/input"),
                null, Map.of("DCM2NIIX_COMPRESSION", "n", "FILENAME_PATTERN", "%p_%s"), "/output", null,
                List.of(new Mount("/data/dicom-in", "/input", true), new Mount("/data/nifti-out", "/output", false)),
                new Resources(1.5, 2048L), Map.of("org.example.tool", "dcm2niix")));
    }

    private ResolvedCommand resolve(String fixture, Map<String, Object> params) {
        CommandDefinition command = Fixtures.load(fixture);
        return resolver.resolve(command, params, hostPaths(command));
    }

    static Map<String, String> hostPaths(CommandDefinition command) {
        return command.mounts().stream().collect(Collectors.toMap(CommandMount::name, m -> "/data/" + m.name()));
    }
}
