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

/**
 * The submission rate per token: past it, a 429 with Retry-After that stores nothing. The rate is one
 * per 100 s, so that the second of two submissions is refused however slow the machine (no timing
 * is asserted). (The quota of unfinished jobs is ActiveJobsQuotaTest's: each needs an application of
 * its own settings.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SubmissionQuotasTest {
    private static final String RATE_INSTANCE = TestEngine.newInstanceId();
    private static final String MANIFEST = "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";
    static final DropwizardAppExtension<BerthConfiguration> RATE = BerthTestApp.create(RATE_INSTANCE,
            ConfigOverride.config("reconciler.launch", "false"),
            ConfigOverride.config("quotas.submissionsPerSecond", "0.01"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(RATE_INSTANCE);
    }

    @Test
    void aTokenSubmittingFasterThanItsRateGetsA429WithRetryAfter() {
        TokenCalls calls = calls(RATE);
        String token = calls.create("hasty", "submitter");
        assertThat(calls.post(token, "/jobs", MANIFEST).statusCode()).isEqualTo(201);
        HttpResponse<String> second = calls.post(token, "/jobs", MANIFEST);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 100L);
        assertThat(second.body()).contains("quotas.submissionsPerSecond");
        // Another token has a rate of its own.
        assertThat(calls.post(calls.create("patient", "submitter"), "/jobs", MANIFEST).statusCode()).isEqualTo(201);
        assertThat(api(RATE).getJson("/jobs?owner=hasty").path("items")).hasSize(1);
    }

    private static TokenCalls calls(DropwizardAppExtension<BerthConfiguration> app) {
        return new TokenCalls(app.client(), app.getLocalPort());
    }

    private static JobsApi api(DropwizardAppExtension<BerthConfiguration> app) {
        return new JobsApi(app.client(), app.getLocalPort());
    }
}
