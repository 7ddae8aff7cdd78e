package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthProcess;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * H2 lets one process use a database file. A second Berth started on the file of a running one
 * refuses to start with a message that says why and what to do (no stack trace), and the first one
 * and its records come to no harm.
 */
class H2SecondProcessIT {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final Client client = ClientBuilder.newClient();
    private BerthProcess first;

    @AfterEach
    void stop() {
        if (first != null) {
            first.close();
        }
        client.close();
    }

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aSecondProcessOnTheSameFileRefusesToStartAndTheFirstCarriesOn() throws IOException {
        first = BerthProcess.forInstance(INSTANCE, TestEngine.HOST, false);
        first.start(DEADLINE);
        client.register(first.adminToken());
        var api = new JobsApi(client, first.port());
        String before = api.submitJson(job("before"));
        assertThat(api.awaitTerminal(before, DEADLINE).at("/status/phase").asText()).isEqualTo("Succeeded");

        Map<String, String> sameFile = new HashMap<>(Map.of(
                "database.url", "jdbc:h2:" + BerthProcess.directoryOf(INSTANCE).toAbsolutePath().resolve("berth"),
                "reconciler.instanceId", INSTANCE, "docker.host", TestEngine.HOST));
        var second = new BerthProcess(INSTANCE + "-second", BerthProcess.directoryOf(INSTANCE + "-second"), sameFile);
        int exit = second.startExpectingExit(DEADLINE);
        String output = Files.readString(second.log());

        assertThat(exit).as("the second process's exit status (output: %s)", output).isEqualTo(1);
        assertThat(output).contains("Berth did not start: another process has the H2 database")
                .contains("PostgreSQL").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("! at ");
        String after = api.submitJson(job("after"));
        assertThat(api.awaitTerminal(after, DEADLINE).at("/status/phase").asText()).isEqualTo("Succeeded");

        first.stop();
        first.start(DEADLINE);
        var restarted = new JobsApi(client, first.port());
        for (String id : new String[] {before, after}) {
            JsonNode job = restarted.getJson("/jobs/" + id);
            assertThat(job.at("/status/phase").asText()).as("job %s after a restart", id).isEqualTo("Succeeded");
            assertThat(restarted.logs(id)).isEqualTo("hello\n");
        }
    }

    private static String job(String name) {
        return """
                {"image": "%s", "command": ["sh", "-c", "echo hello"], "labels": {"case": "%s"}}
                """.formatted(TestEngine.IMAGE, name);
    }
}
