package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.JobsApi;
import dev.berth.support.LogLines;
import dev.berth.support.TestEngine;
import dev.berth.support.TestStore;
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
 * attempt and step, the list, the events, the logs (text and JSON), and the server's own log lines;
 * and output the program prints with it is masked live, followed and stored.
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
        assertThat(job.get("attempts")).hasSize(2);
        job.get("attempts").forEach(attempt -> {
            assertThat(attempt.get("message").asText()).contains("*****");
            assertThat(attempt.get("steps").get(0).get("message").asText()).contains("*****");
        });
        assertThat(job.toString()).doesNotContain(SECRET);
        assertThat(api.getJson("/jobs?limit=100").toString()).doesNotContain(SECRET);
        assertThat(api.getJson("/jobs/" + id + "/events").toString()).contains("*****").doesNotContain(SECRET);
        assertThat(api.logs(id)).doesNotContain(SECRET);
        assertThat(api.logsJson(id, "?attempt=1").toString()).doesNotContain(SECRET);
        assertThat(serverLog).anyMatch(line -> line.contains(id)).noneMatch(line -> line.contains(SECRET));
    }

    /**
     * A program that prints its own token: the output is masked as the engine gives it, so the
     * stored logs (text and JSON, both streams), the live read while it runs and the followed stream
     * all show the mask, and so does the database itself.
     */
    @Test
    void aSecretTheProgramPrintsIsMaskedInItsLiveFollowedAndStoredOutput() throws Exception {
        CommandJobChecks.register(APP.client(), APP.getLocalPort(), "chatty", """
                {"image": "%s", "command-line": "sh -c 't=#TOKEN#; echo token=$t; echo err=$t >&2; echo length=${#t}; sleep 2; echo end'",
                 "inputs": [{"name": "TOKEN", "sensitive": true, "required": true}]}
                """.formatted(TestEngine.IMAGE));
        JobsApi api = new JobsApi(APP.client(), APP.getLocalPort());
        String id = api.submitJson("""
                {"fromCommand": {"name": "chatty", "params": {"TOKEN": "%s"}}}
                """.formatted(SECRET));
        api.awaitPhase(id, java.util.Set.of("Running"), Duration.ofSeconds(60));

        String live = api.logs(id);
        String followed;
        try (var response = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/jobs/" + id
                + "/logs?follow=true").request("text/plain").get()) {
            followed = response.readEntity(String.class);
        }
        api.awaitTerminal(id, Duration.ofSeconds(60));

        assertThat(live).doesNotContain(SECRET);
        assertThat(followed).contains("token=*****").contains("err=*****").contains("end").doesNotContain(SECRET);
        // The program got the real value (20 characters, not the mask's 5): only its text is masked.
        assertThat(api.logs(id)).isEqualTo("token=*****\nlength=20\nend\nerr=*****\n");
        JsonNode json = api.logsJson(id, "");
        assertThat(json.get("steps").get(0).get("stdout").asText()).isEqualTo("token=*****\nlength=20\nend\n");
        assertThat(json.get("steps").get(0).get("stderr").asText()).isEqualTo("err=*****\n");
        assertThat(api.getJson("/jobs/" + id).toString()).doesNotContain(SECRET);
        assertThat(stored("SELECT content FROM job_output")).doesNotContain(SECRET).contains("token=*****");
        assertThat(stored("SELECT spec FROM jobs")).doesNotContain(SECRET);
        assertThat(stored("SELECT secrets FROM jobs")).as("the one place the value is kept").contains(SECRET);
    }

    /** Read in this JVM while Berth has the store open (H2 shares one open database between connections). */
    private static String stored(String query) throws Exception {
        StringBuilder all = new StringBuilder();
        try (var connection = TestStore.connect(INSTANCE, java.nio.file.Path.of(BerthTestApp.databaseFile(INSTANCE)))) {
            try (var rows = connection.createStatement().executeQuery(query)) {
                while (rows.next()) {
                    all.append(rows.getString(1));
                }
            }
        }
        return all.toString();
    }
}
