package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.BerthConfiguration;
import dev.berth.support.TestCommands;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client's admin commands: queues, commands, tokens, nodes, against a real Berth. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CliAdminTest {
    private static final CliFixture BERTH = new CliFixture();
    static final DropwizardAppExtension<BerthConfiguration> APP = BERTH.app;

    @AfterAll
    static void cleanUp() {
        BERTH.cleanUp();
    }

    @Test
    void queuesArePausedResumedAndListed() {
        CliProcess.Run paused = BERTH.cli().run("queues", "pause", "default");
        CliProcess.Run listed = BERTH.cli().run("queues");
        CliProcess.Run resumed = BERTH.cli().run("queues", "resume", "default");

        assertThat(paused.out()).isEqualTo("queue default paused\n");
        assertThat(listed.out().lines().toList()).first().asString().matches("NAME +MAX +PAUSED +PENDING +RUNNING");
        assertThat(listed.out()).containsPattern("default +16 +true +0 +0");
        assertThat(resumed.out()).isEqualTo("queue default resumed\n");
        assertThat(BERTH.cli().run("queues", "-o", "yaml").out()).contains("paused: false");
    }

    @Test
    void aCommandIsPutFromAFileUnderItsOwnNameAndListed() {
        String name = "RegAladin (" + BERTH.instance + ")";
        String file = BERTH.file("command.json", TestCommands.converter(name, "1.2"));

        CliProcess.Run put = BERTH.cli().run("commands", "put", "-f", file);
        CliProcess.Run again = BERTH.cli().run("commands", "put", "-f", file, name);
        CliProcess.Run listed = BERTH.cli().run("commands", "list");

        assertThat(put.exit()).as(put.err()).isZero();
        assertThat(put.out()).isEqualTo("command " + name + " version 1.2 registered\n");
        assertThat(again.out()).isEqualTo("command " + name + " version 1.2 replaced\n");
        assertThat(listed.out()).containsPattern("NAME +VERSION +IMAGE +REGISTERED")
                .containsPattern(java.util.regex.Pattern.quote(name) + " +1\\.2 +berth-test-busybox");
    }

    @Test
    void aCommandDefinitionInYamlIsSentAsJson() throws Exception {
        String name = "yaml-" + BERTH.instance;
        var definition = new ObjectMapper().readTree(TestCommands.shell(name));
        String file = BERTH.file("command.yaml", new YAMLMapper().writeValueAsString(definition));

        CliProcess.Run put = BERTH.cli().run("commands", "put", "-f", file);

        assertThat(put.exit()).as(put.err()).isZero();
        assertThat(put.out()).isEqualTo("command " + name + " registered\n");
    }

    @Test
    void aTokenIsCreatedPrintedOnceListedAndRevoked() {
        String name = "ci-" + BERTH.instance;

        CliProcess.Run created = BERTH.cli().run("tokens", "create", name, "--role", "submitter");
        CliProcess.Run listed = BERTH.cli().run("tokens", "list");
        CliProcess.Run revoked = BERTH.cli().run("tokens", "revoke", name);

        assertThat(created.exit()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("berth_[A-Za-z0-9_-]{43}");
        assertThat(listed.out()).containsPattern("NAME +ROLE +CREATED +BY").containsPattern(name + " +submitter +20\\S+Z +admin")
                .doesNotContain(token);
        assertThat(revoked.out()).isEqualTo("token " + name + " revoked\n");
        assertThat(BERTH.cli().run("--token", token, "get", "jobs").err()).startsWith("berth: 401 unauthorized: ");
    }

    @Test
    void aSubmitterIsRefusedTheQueuesInOneLine403() {
        String name = "sub-" + BERTH.instance;
        String token = BERTH.cli().run("tokens", "create", name, "--role", "submitter").out().strip();

        CliProcess.Run forbidden = BERTH.cli().run("--token", token, "queues");

        assertThat(forbidden.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(forbidden.errLines()).hasSize(1);
        assertThat(forbidden.errLines().get(0)).startsWith("berth: 403 forbidden: ");
    }
}
