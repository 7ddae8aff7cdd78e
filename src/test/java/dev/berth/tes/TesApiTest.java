package dev.berth.tes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthConfiguration;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import dev.berth.support.TokenCalls;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TES endpoints' rules: what is refused (400 naming the problem, nothing stored or staged),
 * unknown ids, list parameters, backend parameters, service-info, who sees which task, and the
 * sweep of staged files no task names. Container mode; the scenarios of both modes are elsewhere.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TesApiTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Path ROOT = CommandJobChecks.mountRoot(INSTANCE);
    private static final Path WORK = BerthTestApp.tesWorkDirectory(INSTANCE);
    /** Staged files a crash left behind before this start: older than the sweep's age, named by no task. */
    private static final Path LEFTOVER = leftover();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("docker.allowedMountRoots", ROOT.toString()),
            ConfigOverride.config("queues.default.maxRunning", "16"),
            ConfigOverride.config("queues.batch.maxRunning", "4"),
            // TES tasks name no user: with root refused by the site's policy, tes.user is the one they run as.
            ConfigOverride.config("policy.allowRootUser", "false"),
            ConfigOverride.config("tes.user", "1234:1234"));
    private static final String TRUE = "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    private static TesApi tes() {
        return new TesApi(APP.client(), APP.getLocalPort());
    }

    @Test
    void anUnknownTaskIsA404() {
        TesApi.Answer get = tes().get("/tasks/01kc9w3m5r7t2v4x6z8b0d2f4g?view=FULL");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.json().get("message").asText()).contains("no task with id 01kc9w3m5r7t2v4x6z8b0d2f4g");
        assertThat(tes().post("/tasks/01kc9w3m5r7t2v4x6z8b0d2f4g:cancel", "{}").status()).isEqualTo(404);
        assertThat(tes().get("/tasks/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void invalidTasksAre400sNamingEachProblemAndNothingIsStoredOrStaged() throws IOException {
        long jobsBefore = jobCount();
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{}", "executors: a task needs at least one executor"),
                Map.entry("{\"executors\": [{\"image\": \"" + TestEngine.IMAGE + "\"}]}",
                        "executors[0].command is required"),
                Map.entry("{\"executors\": [{\"image\": \"not an image\", \"command\": [\"true\"]}]}",
                        "executors[0].image"),
                Map.entry(withInput("{\"path\": \"/data/x\", \"url\": \"s3://bucket/x\"}"),
                        "inputs[0].url: only file:// URLs and absolute host paths are supported, not s3://"),
                Map.entry(withInput("{\"path\": \"/data/x\", \"url\": \"file:///etc/hostname\"}"),
                        "inputs[0].url /etc/hostname is not under an allowed mount root"),
                Map.entry(withInput("{\"path\": \"data/x\", \"content\": \"x\"}"),
                        "inputs[0].path must be an absolute path"),
                Map.entry(withInput("{\"path\": \"/data/x\", \"url\": \"file://" + ROOT + "/in/none\"}"),
                        "does not exist on the host"),
                Map.entry(withInput("{\"path\": \"/data/x\", \"url\": \"file://" + WORK + "/x\"}"),
                        "is inside tes.workDirectory"),
                Map.entry(withInput("{\"path\": \"/data\", \"content\": \"x\"}").replace("\"executors\"",
                        "\"outputs\": [{\"path\": \"/data/out\", \"url\": \"file://" + ROOT + "/out/o\"}], \"executors\""),
                        "inputs[0].path /data holds /data"),
                Map.entry("{\"outputs\": [{\"path\": \"/out/*.txt\", \"url\": \"file://" + ROOT + "/out/\"}],"
                        + " \"executors\": [" + TRUE + "]}", "outputs[0].path_prefix is required"),
                Map.entry("{\"outputs\": [{\"path\": \"/out.txt\", \"url\": \"file://" + ROOT + "/out/x\"}],"
                        + " \"executors\": [" + TRUE + "]}", "an output must be in a directory other than /"),
                Map.entry("{\"outputs\": [{\"path\": \"/out/x\", \"url\": \"http://example.org/x\"}],"
                        + " \"executors\": [" + TRUE + "]}", "not http://"),
                Map.entry("{\"resources\": {\"backend_parameters\": {\"VmSize\": \"big\"},"
                        + " \"backend_parameters_strict\": true}, \"executors\": [" + TRUE + "]}",
                        "backend_parameters VmSize (Berth knows queue, priority): not supported"),
                Map.entry("{\"resources\": {\"backend_parameters\": {\"queue\": \"nowhere\"}}, \"executors\": ["
                        + TRUE + "]}", "nowhere"),
                Map.entry("{\"tags\": {\"has space\": \"x\"}, \"executors\": [" + TRUE + "]}", "tags: key"),
                Map.entry("{\"resources\": {\"ram_gb\": -1}, \"executors\": [" + TRUE + "]}",
                        "resources.ram_gb must be above 0"),
                Map.entry("{\"outputs\": [{\"path\": \"/out/[a\", \"path_prefix\": \"/out/\", \"url\": \"file://"
                        + ROOT + "/out/\"}], \"executors\": [" + TRUE + "]}", "outputs[0].path is not a valid pattern"),
                Map.entry("{\"outputs\": [{\"path\": \"/out/x*\", \"path_prefix\": \"/out/x*\", \"url\": \"file://"
                        + ROOT + "/out/\"}], \"executors\": [" + TRUE + "]}", "outputs[0].path_prefix is required"),
                Map.entry("{\"name\": \"a\\u0000b\", \"executors\": [" + TRUE + "]}", "NUL characters"),
                Map.entry("{\"description\": \"\\ud800\", \"executors\": [" + TRUE + "]}", "unpaired surrogate"),
                Map.entry("{\"volumes\": [\"/a\\u0000\"], \"executors\": [" + TRUE + "]}", "NUL characters"),
                Map.entry("{\"executors\": [" + TRUE + "], ", "")); // malformed JSON
        List<String> wrong = new ArrayList<>();
        refused.forEach((task, problem) -> {
            TesApi.Answer answer = tes().post("/tasks", task);
            if (answer.status() != 400 || !answer.text().contains(problem)) {
                wrong.add(task + " -> " + answer.status() + " " + answer.text());
            }
        });
        assertThat(wrong).as("tasks not refused with a 400 naming their problem").isEmpty();
        assertThat(jobCount()).as("no job stored").isEqualTo(jobsBefore);
        try (Stream<Path> staged = Files.list(WORK)) {
            assertThat(staged.filter(path -> !path.equals(LEFTOVER)).toList()).as("nothing staged").isEmpty();
        }
    }

    @Test
    void badListParametersAre400s() {
        for (String query : List.of("view=ALL", "page_size=0", "page_size=2048", "page_size=ten", "state=DONE",
                "page_token=xyz", "tag_value=v", "tag_key=")) {
            TesApi.Answer answer = tes().get("/tasks?" + query);
            assertThat(answer.status()).as(query + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.json().get("message").asText()).as(query).isNotEmpty();
        }
    }

    @Test
    void backendParametersSetTheQueueAndPriorityAndUnknownOnesAreNotedNotStored() {
        String id = tes().create("{\"tags\": {\"PROJECT\": \"alice-lab\"}, \"resources\": {\"cpu_cores\": 1,"
                + " \"ram_gb\": 0.5, \"disk_gb\": 10, \"backend_parameters\": {\"Queue\": \"batch\", \"priority\": \"5\","
                + " \"VmSize\": \"big\"}}, \"executors\": [" + TRUE + "]}");

        JsonNode full = tes().awaitEnd(id, Duration.ofSeconds(120));

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        assertThat(full.get("resources").get("backend_parameters").toString())
                .isEqualTo("{\"queue\":\"batch\",\"priority\":\"5\"}");
        assertThat(full.get("logs").get(0).get("system_logs").toString()).contains("VmSize")
                .contains("ignored").contains("disk_gb is not enforced");
        JsonNode job = new JobsApi(APP.client(), APP.getLocalPort()).getJson("/jobs/" + id);
        assertThat(job.get("spec").get("queue").asText()).isEqualTo("batch");
        assertThat(job.get("spec").get("priority").asInt()).isEqualTo(5);
        assertThat(job.get("spec").get("resources").toString()).isEqualTo("{\"cpus\":1.0,\"memoryMb\":512}");
        assertThat(job.get("labels").toString()).isEqualTo("{\"PROJECT\":\"alice-lab\"}");
        assertThat(job.get("attempts").get(0).get("steps").get(0).get("name").asText()).isEqualTo("executor-0");
    }

    @Test
    void serviceInfoSaysBerthSpeaksTes11AndWhereFilesMayBe() {
        TesApi.Answer answer = tes().get("/service-info");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode info = answer.json();
        assertThat(info.get("type").toString()).isEqualTo("{\"group\":\"org.ga4gh\",\"artifact\":\"tes\",\"version\":\"1.1.0\"}");
        assertThat(info.get("id").asText()).isEqualTo("dev.berth." + INSTANCE);
        assertThat(info.get("storage").toString()).isEqualTo("[\"file://" + ROOT + "\"]");
        assertThat(info.get("tesResources_backend_parameters").toString()).isEqualTo("[\"queue\",\"priority\"]");
        assertThat(info.get("organization").get("url").asText()).isEqualTo("http://127.0.0.1:" + APP.getLocalPort() + "/");
        JsonNode berth = new JobsApi(APP.client(), APP.getLocalPort()).getJson("/info");
        assertThat(berth.get("tes").asText()).isEqualTo("/ga4gh/tes/v1");
    }

    @Test
    void aSubmitterSeesAndCancelsItsOwnTasksOnly() {
        TokenCalls tokens = new TokenCalls(APP.client(), APP.getLocalPort());
        TesApi alice = new TesApi(APP.client(), APP.getLocalPort(), tokens.create("tes-alice", "submitter"));
        TesApi bob = new TesApi(APP.client(), APP.getLocalPort(), tokens.create("tes-bob", "submitter"));
        TesApi viewer = new TesApi(APP.client(), APP.getLocalPort(), tokens.create("tes-viewer", "viewer"));
        String alices = alice.create("{\"name\": \"owned-by-alice\", \"executors\": [" + TRUE + "]}");

        assertThat(bob.get("/tasks/" + alices).status()).isEqualTo(404);
        assertThat(bob.post("/tasks/" + alices + ":cancel", "{}").status()).isEqualTo(404);
        assertThat(bob.get("/tasks?name_prefix=owned-by-alice").json().get("tasks")).isEmpty();
        assertThat(alice.get("/tasks?name_prefix=owned-by-alice").json().get("tasks")).hasSize(1);
        assertThat(viewer.get("/tasks?name_prefix=owned-by-alice").json().get("tasks")).hasSize(1);
        assertThat(viewer.post("/tasks", "{\"executors\": [" + TRUE + "]}").status()).isEqualTo(403);
        assertThat(new JobsApi(APP.client(), APP.getLocalPort()).getJson("/jobs/" + alices).get("owner").asText())
                .isEqualTo("tes-alice");
    }

    @Test
    void executorsRunAsTesUserWhenTheSitesPolicyRefusesRoot() {
        String id = tes().create("{\"executors\": [{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"id\","
                + " \"-u\"]}]}");

        JsonNode full = tes().awaitEnd(id, Duration.ofSeconds(120));

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        assertThat(full.get("logs").get(0).get("logs").get(0).get("stdout").asText()).isEqualTo("1234\n");
    }

    @Test
    void stagedFilesThatNoTaskNamesAreRemoved() {
        assertThat(Await.until(() -> !Files.exists(LEFTOVER), Duration.ofSeconds(30)))
                .as("the leftover staged directory is removed at start").isTrue();
    }

    private static String withInput(String input) {
        return "{\"inputs\": [" + input + "], \"executors\": [" + TRUE + "]}";
    }

    private static long jobCount() {
        return new JobsApi(APP.client(), APP.getLocalPort()).getJson("/jobs?limit=1000").get("items").size();
    }

    private static Path leftover() {
        try {
            Path directory = Files.createDirectories(WORK.resolve("0123456789abcdef0123456789abcdef").resolve("dirs"));
            Files.writeString(directory.resolve("left.txt"), "left behind");
            Path key = directory.getParent();
            Files.setLastModifiedTime(key, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
