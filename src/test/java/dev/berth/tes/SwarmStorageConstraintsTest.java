package dev.berth.tes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthConfiguration;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In swarm mode a task that uses host files runs only where tes.storageConstraints say the files
 * are; one without files runs anywhere. No node of the test swarm has the label asked for, so the
 * task with files waits (QUEUED, its job Pending / Unschedulable) until it is cancelled.
 */
@Tag("swarm")
@ExtendWith(DropwizardExtensionsSupport.class)
class SwarmStorageConstraintsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final String CONSTRAINT = "node.labels.berth-test-storage==" + INSTANCE;
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.swarmMode", "true"),
            ConfigOverride.config("docker.stopTimeout", "1s"),
            ConfigOverride.config("tes.storageConstraints", CONSTRAINT));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aTaskWithFilesWaitsForANodeWithTheStorageAndOneWithoutRunsAnywhere() {
        TesApi tes = new TesApi(APP.client(), APP.getLocalPort());
        JobsApi jobs = new JobsApi(APP.client(), APP.getLocalPort());
        String executor = "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";
        String withFiles = tes.create("{\"inputs\": [{\"path\": \"/in/x\", \"content\": \"x\"}], \"executors\": ["
                + executor + "]}");
        String withoutFiles = tes.create("{\"executors\": [" + executor + "]}");

        assertThat(tes.awaitEnd(withoutFiles, Duration.ofSeconds(120)).get("state").asText()).isEqualTo("COMPLETE");
        assertThat(jobs.getJson("/jobs/" + withoutFiles).get("spec").has("placement")).isFalse();
        JsonNode waiting = jobs.awaitPhase(withFiles, Set.of("Pending"), Duration.ofSeconds(60));
        assertThat(waiting.get("spec").get("placement").get("constraints").toString())
                .isEqualTo("[\"" + CONSTRAINT + "\"]");
        JsonNode unschedulable = Await.until(() -> jobs.getJson("/jobs/" + withFiles),
                job -> job.get("status").get("reason").asText().equals("Unschedulable"), Duration.ofSeconds(60));
        assertThat(unschedulable.get("status").get("reason").asText()).as(unschedulable.toString())
                .isEqualTo("Unschedulable");
        assertThat(tes.task(withFiles, "MINIMAL").get("state").asText()).isEqualTo("QUEUED");

        tes.cancel(withFiles);

        assertThat(tes.awaitEnd(withFiles, Duration.ofSeconds(60)).get("state").asText()).isEqualTo("CANCELED");
    }
}
