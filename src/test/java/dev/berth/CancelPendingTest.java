package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.AdminApi;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With launching paused (reconciler.launch: false) a job stays Pending; cancelling it ends it at once. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CancelPendingTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.launch", "false"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aPendingJobIsCancelledAtOnceAndNeverLaunched() {
        var api = new JobsApi(APP.client(), APP.getLocalPort());
        String id = api.submitJson(LifecycleScenarios.script("exit 0", ""));
        // Several passes that saw the job: launching is paused, so it must still be pending.
        new AdminApi(APP.client(), APP.getAdminPort()).awaitPasses(3, Duration.ofSeconds(60));
        assertThat(api.getJson("/jobs/" + id).get("status").get("phase").asText()).isEqualTo("Pending");

        try (var response = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/jobs/" + id
                + "/cancel").request().post(Entity.json(""))) {
            assertThat(response.getStatus()).isEqualTo(200);
            var status = JobsApi.read(response.readEntity(String.class)).get("status");
            assertThat(status.get("phase").asText()).isEqualTo("Cancelled");
            assertThat(status.get("reason").asText()).isEqualTo("Cancelled");
        }
        assertThat(TestEngine.objectsOf(id)).isEmpty();
        assertThat(api.getJson("/jobs/" + id + "/events").get("items").findValuesAsText("phase"))
                .containsExactly("Pending", "Cancelled");
    }
}
