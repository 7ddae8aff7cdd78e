package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import dev.berth.support.TokenCalls;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The most jobs an owner may have unfinished: past it, a 429 with Retry-After, until one ends. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActiveJobsQuotaTest {
    private static final String ACTIVE_INSTANCE = TestEngine.newInstanceId();
    private static final String MANIFEST = "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";
    static final DropwizardAppExtension<BerthConfiguration> ACTIVE = BerthTestApp.create(ACTIVE_INSTANCE,
            ConfigOverride.config("reconciler.launch", "false"),
            ConfigOverride.config("quotas.maxActiveJobsPerOwner", "2"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(ACTIVE_INSTANCE);
    }

    @Test
    void anOwnerWithItsMostJobsUnfinishedGetsA429UntilOneEnds() {
        TokenCalls calls = calls(ACTIVE);
        String token = calls.create("busy", "submitter");
        assertThat(calls.post(token, "/jobs", MANIFEST).statusCode()).isEqualTo(201);
        assertThat(calls.post(token, "/jobs", MANIFEST).statusCode()).isEqualTo(201);
        HttpResponse<String> over = calls.post(token, "/jobs", MANIFEST);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After").orElseThrow()).isNotBlank();
        assertThat(over.body()).contains("quotas.maxActiveJobsPerOwner");
        assertThat(api(ACTIVE).getJson("/jobs?owner=busy").path("items")).hasSize(2);

        api(ACTIVE).cancel(api(ACTIVE).getJson("/jobs?owner=busy").at("/items/0/id").asText());
        assertThat(calls.post(token, "/jobs", MANIFEST).statusCode()).isEqualTo(201);
    }

    private static TokenCalls calls(DropwizardAppExtension<BerthConfiguration> app) {
        return new TokenCalls(app.client(), app.getLocalPort());
    }

    private static JobsApi api(DropwizardAppExtension<BerthConfiguration> app) {
        return new JobsApi(app.client(), app.getLocalPort());
    }
}
