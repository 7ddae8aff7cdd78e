package dev.berth.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Mount;
import dev.berth.core.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sensitive values: kept for the launch, masked for people. */
class ResolvedCommandTest {
    private final CommandResolver resolver = new CommandResolver();

    private final CommandDefinition login = Fixtures.parse("""
            {"name": "login", "image": "i", "command-line": "login --user #USER# --password #PASSWORD# --scans #SCANS#",
             "working-directory": "/home/#PASSWORD#",
             "environment-variables": {"PASSWORD": "#PASSWORD#", "URL": "https://bob:#PASSWORD#@host", "USER": "#USER#"},
             "inputs": [{"name": "USER"}, {"name": "PASSWORD", "sensitive": true},
                        {"name": "SCANS", "type": "select-many", "select-values": ["scan1", "scan2"],
                         "multiple-delimiter": "flag", "command-line-flag": "--scan", "command-line-separator": "=",
                         "sensitive": true}]}""");

    private final ResolvedCommand resolved = resolver.resolve(login,
            Map.of("USER", "bob", "PASSWORD", "hunter2", "SCANS", List.of("scan1", "scan2")), Map.of());

    @Test
    void keepsTheRealValuesForTheLaunch() {
        assertThat(resolved.command()).containsExactly(
                "login", "--user", "bob", "--password", "hunter2", "--scans", "--scan=scan1", "--scan=scan2");
        assertThat(resolved.env()).containsEntry("PASSWORD", "hunter2");
        assertThat(resolved.sensitiveValues()).containsExactlyInAnyOrder("hunter2", "scan1 scan2", "scan1", "scan2");
    }

    @Test
    void masksEveryOccurrenceOfEverySensitiveValue() {
        assertThat(resolved.mask("bob logged in with hunter2, hunter2 again, on scan1"))
                .isEqualTo("bob logged in with *****, ***** again, on *****");
        assertThat(resolved.mask(null)).isNull();
    }

    @Test
    void masksAValueContainingAnotherSensitiveValueWhole() {
        assertThat(resolved.mask("scan1 scan2")).isEqualTo("*****");
    }

    @Test
    void aMaskedCopyHidesTheValuesInArgvEnvWorkingDirAndCommandLine() {
        ResolvedCommand masked = resolved.masked();

        assertThat(masked.command()).containsExactly(
                "login", "--user", "bob", "--password", "*****", "--scans", "--scan=*****", "--scan=*****");
        assertThat(masked.env()).containsExactly(Map.entry("PASSWORD", "*****"),
                Map.entry("URL", "https://bob:*****@host"), Map.entry("USER", "bob"));
        assertThat(masked.workingDir()).isEqualTo("/home/*****");
        assertThat(masked.commandLine())
                .isEqualTo("login --user bob --password ***** --scans --scan=***** --scan=*****");
        assertThat(masked.sensitiveValues()).isEmpty();
        assertThat(masked.toResolvedSpec().command()).doesNotContain("hunter2");
    }

    @Test
    void neverWritesTheSensitiveValuesAsSuch() throws Exception {
        String json = Fixtures.MAPPER.writeValueAsString(resolved.masked());

        assertThat(json).doesNotContain("hunter2").doesNotContain("sensitive");
        assertThat(Fixtures.MAPPER.writeValueAsString(resolved)).doesNotContain("sensitiveValues");
    }

    @Test
    void withoutSensitiveInputsNothingIsMasked() {
        ResolvedCommand plain = resolver.resolve(Fixtures.load("commands-md-example"), Map.of("bids", true), Map.of());

        assertThat(plain.masked()).isEqualTo(plain);
        assertThat(plain.mask("-b y")).isEqualTo("-b y");
    }

    @ParameterizedTest
    @CsvSource({"'', 'a b'", "'', ''"})
    void ignoresEmptySensitiveValues(String empty, String text) {
        ResolvedCommand command = new ResolvedCommand("i", null, null, Map.of(), null, List.of(), null, Map.of(),
                null, List.of(empty));

        assertThat(command.mask(text)).isEqualTo(text);
    }

    @Test
    void aMaskedCopyKeepsWhatIsNotSecret() {
        ResolvedCommand command = new ResolvedCommand("i", List.of("run", "pw"), List.of(), Map.of("K", "pw"), null,
                List.of(new Mount("/pw", "/in", true)), new Resources(1.0, 64L), Map.of("l", "v"), "run pw",
                List.of("pw"));

        assertThat(command.masked()).isEqualTo(new ResolvedCommand("i", List.of("run", "*****"), List.of(),
                Map.of("K", "*****"), null, List.of(new Mount("/pw", "/in", true)), new Resources(1.0, 64L),
                Map.of("l", "v"), "run *****", List.of()));
    }
}
