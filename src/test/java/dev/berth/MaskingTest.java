package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.JobsApi;
import dev.berth.support.LogLines;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sensitive value that the engine repeats in its errors (here it is the program to run, so that
 * starting fails naming it) shows masked in every way out: the job's status and the history of each
 * attempt, the list, the events, the logs, and the server's own log lines.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MaskingTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final String SECRET = "s3cret-program-token";
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            io.dropwizard.testing.ConfigOverride.config("reconciler.initialBackoff", "200ms"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aSecretTheEngineRepeatsIsMaskedInEveryWayOut() {
        CommandJobChecks.register(APP.client(), APP.getLocalPort(), "leaky", """
                {"image": "%s", "command-line": "#TOKEN#",
                 "inputs": [{"name": "TOKEN", "sensitive": true, "required": true}]}
                """.formatted(TestEngine.IMAGE));
        JobsApi api = new JobsApi(APP.client(), APP.getLocalPort());
        JsonNode job;
        String id;
        List<String> serverLog;
        try (var berthLog = new LogLines("dev.berth", Level.INFO)) {
            id = api.submitJson("""
                    {"fromCommand": {"name": "leaky", "params": {"TOKEN": "%s"}}, "policy": {"backoffLimit": 1}}
                    """.formatted(SECRET));
            job = api.awaitTerminal(id, Duration.ofSeconds(60));
            serverLog = berthLog.messages();
        }

        JsonNode status = job.get("status");
        assertThat(status.get("reason").asText()).as(job.toString()).isEqualTo("BackoffLimitExceeded");
        // The engine did name the secret: the mask stands where it was.
        assertThat(status.get("message").asText()).contains("*****");
        assertThat(status.get("history")).hasSize(2);
        status.get("history").forEach(attempt -> assertThat(attempt.get("message").asText()).contains("*****"));
        assertThat(job.toString()).doesNotContain(SECRET);
        assertThat(api.getJson("/jobs?limit=100").toString()).doesNotContain(SECRET);
        assertThat(api.getJson("/jobs/" + id + "/events").toString()).contains("*****").doesNotContain(SECRET);
        assertThat(api.logs(id)).doesNotContain(SECRET);
        assertThat(serverLog).anyMatch(line -> line.contains(id)).noneMatch(line -> line.contains(SECRET));
    }
}
