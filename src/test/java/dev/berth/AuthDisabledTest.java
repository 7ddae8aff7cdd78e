package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With auth.enabled false (a single-user laptop), every request is an admin named anonymous; no token is made. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthDisabledTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("auth.enabled", "false"),
            ConfigOverride.config("reconciler.launch", "false"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void requestsWithoutATokenAreServedAsAnonymousAndNoTokenFileIsWritten() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1";
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"image\": \"" + TestEngine.IMAGE + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(JobsApi.read(submitted.body()).path("owner").asText()).isEqualTo("anonymous");
        assertThat(get(http, base + "/nodes")).as("an admin's endpoint").isNotIn(401, 403);
        assertThat(get(http, base + "/audit")).isEqualTo(200);
        assertThat(Files.exists(BerthTestApp.tokenFile(INSTANCE))).isFalse();
    }

    private static int get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
