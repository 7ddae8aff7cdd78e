package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no engine at the configured address, requests that need one say so (503), never 500. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EngineAbsentApiTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.host", "unix:///var/run/berth-test-no-engine-" + INSTANCE + ".sock"),
            ConfigOverride.config("docker.callTimeout", "2s"));

    @Test
    void importingFromAnImageIs503NamingTheEngine() {
        try (Response response = APP.client().target("http://127.0.0.1:" + APP.getLocalPort()
                + "/api/v1/commands/import").queryParam("image", TestEngine.IMAGE).request().post(Entity.json(""))) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(503);
            assertThat(JobsApi.read(body).get("message").asText()).startsWith("the Docker engine does not answer");
        }
    }

    @Test
    void aJobIsStillAcceptedAndWaitsPendingWithTheReason() {
        JobsApi api = new JobsApi(APP.client(), APP.getLocalPort());
        String id = api.submitJson("{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}");

        JsonNode status = Await.until(() -> api.getJson("/jobs/" + id).get("status"),
                s -> "EngineUnavailable".equals(s.path("reason").asText()), Duration.ofSeconds(60));

        assertThat(status.get("phase").asText()).isEqualTo("Pending");
        assertThat(status.get("reason").asText()).isEqualTo("EngineUnavailable");
    }
}
