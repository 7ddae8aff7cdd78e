package dev.berth.tes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthConfiguration;
import dev.berth.support.Await;
import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * TES tasks end to end on the real engine, as a workflow engine would send them: each mode's test
 * class runs these on its own application (plain containers, swarm services). Every answer is
 * checked against the published schema by {@link TesApi}.
 */
interface TesScenarios {
    Duration DEADLINE = Duration.ofSeconds(120);

    /** The application these run on, made by {@link #app(String, boolean)}, and its instance id. */
    DropwizardAppExtension<BerthConfiguration> app();

    String instance();

    default TesApi tes() {
        return new TesApi(app().client(), app().getLocalPort());
    }

    /** The host directory under docker.allowedMountRoots that tasks read from and write to. */
    default Path mountRoot() {
        return CommandJobChecks.mountRoot(instance());
    }

    /** The application's tes.workDirectory. */
    default Path workDirectory() {
        return BerthTestApp.tesWorkDirectory(instance());
    }

    /** The application a mode's test class runs these on: its own instance, mount root and work directory. */
    static DropwizardAppExtension<BerthConfiguration> app(String instance, boolean swarm) {
        return BerthTestApp.create(instance,
                ConfigOverride.config("docker.swarmMode", Boolean.toString(swarm)),
                ConfigOverride.config("docker.stopTimeout", "1s"),
                ConfigOverride.config("docker.allowedMountRoots", CommandJobChecks.mountRoot(instance).toString()));
    }

    static String executor(String script) {
        return "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"sh\", \"-c\", " + quoted(script) + "]}";
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    default void helloWorldShowsItsStdoutInFullOnly() {
        String id = tes().create("{\"name\": \"hello\", \"executors\": [" + executor("echo hello world") + "]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        assertThat(full.get("name").asText()).isEqualTo("hello");
        assertThat(full.get("creation_time").asText()).isNotEmpty();
        JsonNode log = full.get("logs").get(0);
        assertThat(log.get("start_time").asText()).isNotEmpty();
        assertThat(log.get("end_time").asText()).isNotEmpty();
        assertThat(log.get("system_logs").toString()).contains("Succeeded");
        JsonNode executorLog = log.get("logs").get(0);
        assertThat(executorLog.get("exit_code").asInt()).isZero();
        assertThat(executorLog.get("stdout").asText()).isEqualTo("hello world\n");
        assertThat(executorLog.get("start_time").asText()).isNotEmpty();

        JsonNode basic = tes().task(id, "BASIC");
        assertThat(basic.get("executors")).hasSize(1);
        assertThat(basic.get("logs").get(0).get("logs").get(0).has("stdout")).isFalse();
        assertThat(basic.get("logs").get(0).has("system_logs")).isFalse();
        JsonNode minimal = tes().task(id, "MINIMAL");
        assertThat(fieldNames(minimal)).containsExactlyInAnyOrder("id", "state");
        assertThat(fieldNames(tes().get("/tasks/" + id).json())).as("MINIMAL is the default")
                .containsExactlyInAnyOrder("id", "state");
    }

    @Test
    default void aFailingExecutorIsAnExecutorErrorWithItsExitCodeAndTheNextNeverRuns() {
        String id = tes().create("{\"executors\": [" + executor("echo failing; exit 3") + ", "
                + executor("echo must not run") + "]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("EXECUTOR_ERROR");
        JsonNode logs = full.get("logs").get(0).get("logs");
        assertThat(logs).as("only the executor that ran has a log").hasSize(1);
        assertThat(logs.get(0).get("exit_code").asInt()).isEqualTo(3);
        assertThat(logs.get(0).get("stdout").asText()).isEqualTo("failing\n");
        assertThat(full.get("logs").get(0).get("system_logs").toString()).contains("exited with code 3");
    }

    @Test
    default void ignoreErrorLetsTheNextExecutorRun() {
        String id = tes().create("{\"executors\": [{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"sh\","
                + " \"-c\", \"exit 2\"], \"ignore_error\": true}, " + executor("echo second ran") + "]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        JsonNode logs = full.get("logs").get(0).get("logs");
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).get("exit_code").asInt()).isEqualTo(2);
        assertThat(logs.get(1).get("exit_code").asInt()).isZero();
        assertThat(logs.get(1).get("stdout").asText()).isEqualTo("second ran\n");
    }

    @Test
    default void twoExecutorsShareAVolume() {
        String id = tes().create("{\"volumes\": [\"/vol/A/\"], \"executors\": ["
                + executor("echo from the first > /vol/A/note; id -u > /vol/A/uid") + ", "
                + executor("cat /vol/A/note") + "]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        assertThat(full.get("logs").get(0).get("logs").get(1).get("stdout").asText()).isEqualTo("from the first\n");
        assertThat(full.get("volumes").get(0).asText()).isEqualTo("/vol/A/");
    }

    @Test
    default void contentAndFileInputsAreSeenInTheContainer() throws IOException {
        Path reference = Files.writeString(mountRoot().resolve("in").resolve("ref-" + UUID.randomUUID() + ".txt"),
                "reference data\n");
        Path directory = Files.createDirectories(mountRoot().resolve("in").resolve("dir-" + UUID.randomUUID()));
        Files.writeString(directory.resolve("a.txt"), "in a directory\n");
        String id = tes().create("{\"inputs\": ["
                + "{\"name\": \"greeting\", \"path\": \"/in/greeting.txt\", \"content\": \"hello from content\\n\"},"
                + "{\"path\": \"/data/ref.txt\", \"url\": \"file://" + reference + "\", \"streamable\": true},"
                + "{\"path\": \"/data/dir\", \"url\": \"" + directory + "\", \"type\": \"DIRECTORY\"}],"
                + " \"executors\": [" + executor("cat /in/greeting.txt /data/ref.txt /data/dir/a.txt") + "]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        assertThat(full.get("logs").get(0).get("logs").get(0).get("stdout").asText())
                .isEqualTo("hello from content\nreference data\nin a directory\n");
        assertThat(full.get("inputs").get(0).get("content").asText()).isEqualTo("hello from content\n");
        assertThat(full.get("inputs").get(1).get("type").asText()).as("filled in by the server").isEqualTo("FILE");
        assertThat(tes().task(id, "BASIC").get("inputs").get(0).has("content")).as("BASIC leaves content out")
                .isFalse();
    }

    @Test
    default void fileOutputsLandOnTheHostWithTheirSizes() throws IOException {
        Path out = Files.createDirectories(mountRoot().resolve("out").resolve("task-" + UUID.randomUUID()));
        String id = tes().create("{\"outputs\": ["
                + "{\"path\": \"/out/result.txt\", \"url\": \"file://" + out.resolve("result.txt") + "\"},"
                + "{\"path\": \"/work/reports\", \"url\": \"file://" + out.resolve("reports") + "\", \"type\": \"DIRECTORY\"},"
                + "{\"path\": \"/work/many/*.csv\", \"path_prefix\": \"/work/many/\", \"url\": \"file://"
                + out.resolve("csv") + "\"}],"
                + " \"executors\": [" + executor("printf 12345 > /out/result.txt; chmod 4755 /out/result.txt;"
                + " mkdir -p /work/reports/sub;"
                + " echo r1 > /work/reports/sub/one.txt; mkdir -p /work/many; echo a > /work/many/a.csv;"
                + " echo b > /work/many/b.csv; echo skip > /work/many/c.txt") + "]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        assertThat(Files.readString(out.resolve("result.txt"))).isEqualTo("12345");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("result.txt"))))
                .as("copied as a plain file: the executor's setuid bit stays behind").isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve("reports/sub/one.txt"))).isEqualTo("r1\n");
        assertThat(Files.readString(out.resolve("csv/a.csv"))).isEqualTo("a\n");
        assertThat(Files.readString(out.resolve("csv/b.csv"))).isEqualTo("b\n");
        assertThat(out.resolve("csv/c.txt")).doesNotExist();
        List<String> listed = new ArrayList<>();
        for (JsonNode file : full.get("logs").get(0).get("outputs")) {
            listed.add(file.get("path").asText() + " " + file.get("url").asText() + " " + file.get("size_bytes").asText());
            assertThat(file.get("size_bytes").isTextual()).as("size_bytes is a string").isTrue();
        }
        assertThat(listed).containsExactlyInAnyOrder(
                "/out/result.txt file://" + out.resolve("result.txt") + " 5",
                "/work/reports/sub/one.txt file://" + out.resolve("reports/sub/one.txt") + " 3",
                "/work/many/a.csv file://" + out.resolve("csv/a.csv") + " 2",
                "/work/many/b.csv file://" + out.resolve("csv/b.csv") + " 2");
        assertThat(Await.until(() -> stagedKeys().isEmpty(), DEADLINE))
                .as("every task's staged files are removed once it ended: " + stagedKeys()).isTrue();
    }

    @Test
    default void symbolicLinksAnExecutorMakesAreNeverFollowedOutOfTheTask() throws IOException {
        Path out = Files.createDirectories(mountRoot().resolve("out").resolve("links-" + UUID.randomUUID()));
        // On the host, the link leads to the host's /etc: following it would copy the host's files out.
        String throughLink = tes().create("{\"volumes\": [\"/work\"], \"outputs\": [{\"path\":"
                + " \"/work/evil/hostname\", \"url\": \"file://" + out.resolve("stolen") + "\"}], \"executors\": ["
                + executor("rm -rf /work/evil; ln -s /etc /work/evil") + "]}");
        String linkInDirectory = tes().create("{\"outputs\": [{\"path\": \"/work/d\", \"type\": \"DIRECTORY\","
                + " \"url\": \"file://" + out.resolve("d") + "\"}], \"executors\": ["
                + executor("ln -s /etc/hostname /work/d/link; echo real > /work/d/real") + "]}");

        JsonNode refused = tes().awaitEnd(throughLink, DEADLINE);
        JsonNode copied = tes().awaitEnd(linkInDirectory, DEADLINE);

        assertThat(refused.get("state").asText()).as(refused.toString()).isEqualTo("SYSTEM_ERROR");
        assertThat(refused.get("logs").get(0).get("system_logs").toString()).contains("leads out of the task's files");
        assertThat(out.resolve("stolen")).doesNotExist();
        assertThat(copied.get("state").asText()).as(copied.toString()).isEqualTo("COMPLETE");
        assertThat(Files.readString(out.resolve("d/real"))).isEqualTo("real\n");
        assertThat(out.resolve("d/link")).as("a link is not copied").doesNotExist();
        assertThat(copied.get("logs").get(0).get("outputs")).hasSize(1);
    }

    private List<String> stagedKeys() {
        if (!Files.isDirectory(workDirectory())) {
            return List.of();
        }
        try (var staged = Files.list(workDirectory())) {
            return staged.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    default void stdinStdoutAndStderrAreFilesInTheContainer() throws IOException {
        Path out = Files.createDirectories(mountRoot().resolve("out").resolve("stdio-" + UUID.randomUUID()));
        String id = tes().create("{\"inputs\": [{\"path\": \"/in/words\", \"content\": \"b\\na\\n\"}],"
                + " \"outputs\": [{\"path\": \"/out/sorted\", \"url\": \"file://" + out.resolve("sorted") + "\"},"
                + " {\"path\": \"/out/errors\", \"url\": \"file://" + out.resolve("errors") + "\"}],"
                + " \"executors\": [{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"sh\", \"-c\","
                + " \"sort; echo oops >&2\"], \"stdin\": \"/in/words\", \"stdout\": \"/out/sorted\","
                + " \"stderr\": \"/out/errors\"}]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("COMPLETE");
        assertThat(Files.readString(out.resolve("sorted"))).isEqualTo("a\nb\n");
        assertThat(Files.readString(out.resolve("errors"))).isEqualTo("oops\n");
    }

    @Test
    default void aMissingOutputIsASystemError() throws IOException {
        Path out = Files.createDirectories(mountRoot().resolve("out").resolve("missing-" + UUID.randomUUID()));
        String id = tes().create("{\"outputs\": [{\"path\": \"/out/never\", \"url\": \"file://"
                + out.resolve("never") + "\"}], \"executors\": [" + executor("true") + "]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("SYSTEM_ERROR");
        assertThat(full.get("logs").get(0).get("system_logs").toString()).contains("/out/never")
                .contains("wrote no such file");
    }

    @Test
    default void anImageThatIsNotThereIsASystemErrorSaidInSystemLogs() {
        String id = tes().create("{\"executors\": [{\"image\": \"berth-no-such-image:" + UUID.randomUUID()
                + "\", \"command\": [\"true\"]}]}");

        JsonNode full = tes().awaitEnd(id, DEADLINE);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("SYSTEM_ERROR");
        assertThat(full.get("logs").toString()).contains("ImageNotFound");
    }

    @Test
    default void aRunningTaskIsCancelled() {
        String id = tes().create("{\"executors\": [" + executor("echo started; sleep 60") + "]}");
        tes().awaitState(id, Set.of("RUNNING"), DEADLINE);

        tes().cancel(id);

        JsonNode full = tes().awaitEnd(id, DEADLINE);
        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("CANCELED");
        tes().cancel(id); // a late cancel of an ended task is no error
        assertThat(tes().task(id, "MINIMAL").get("state").asText()).isEqualTo("CANCELED");
    }

    @Test
    default void listingFiltersByNamePrefixTagsAndStateAndPagesNewestFirst() {
        String prefix = "list-" + UUID.randomUUID();
        String first = tes().create("{\"name\": \"" + prefix + "-a\", \"tags\": {\"WORKFLOW_ID\": \"wf1\","
                + " \"step\": \"x\"}, \"executors\": [" + executor("true") + "]}");
        String second = tes().create("{\"name\": \"" + prefix + "-b\", \"tags\": {\"WORKFLOW_ID\": \"wf2\"},"
                + " \"executors\": [" + executor("exit 1") + "]}");
        String third = tes().create("{\"name\": \"" + prefix + "-c\", \"tags\": {\"WORKFLOW_ID\": \"wf1\"},"
                + " \"executors\": [" + executor("true") + "]}");
        tes().awaitEnd(first, DEADLINE);
        tes().awaitEnd(second, DEADLINE);
        tes().awaitEnd(third, DEADLINE);

        assertThat(ids("/tasks?name_prefix=" + prefix)).containsExactly(third, second, first);
        assertThat(ids("/tasks?name_prefix=" + prefix + "-b")).containsExactly(second);
        assertThat(ids("/tasks?name_prefix=" + prefix + "&tag_key=WORKFLOW_ID&tag_value=wf1"))
                .containsExactly(third, first);
        assertThat(ids("/tasks?name_prefix=" + prefix + "&tag_key=step")).as("a key alone: any value")
                .containsExactly(first);
        assertThat(ids("/tasks?name_prefix=" + prefix + "&tag_key=WORKFLOW_ID&tag_value=wf1&tag_key=step&tag_value=x"))
                .containsExactly(first);
        assertThat(ids("/tasks?name_prefix=" + prefix + "&state=EXECUTOR_ERROR")).containsExactly(second);
        assertThat(ids("/tasks?name_prefix=" + prefix + "&state=COMPLETE")).containsExactly(third, first);

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = tes().get("/tasks?name_prefix=" + prefix + "&page_size=1&view=BASIC"
                    + (token == null ? "" : "&page_token=" + token)).json();
            pages++;
            page.get("tasks").forEach(task -> {
                assertThat(task.has("executors")).as("BASIC shows the task").isTrue();
                paged.add(task.get("id").asText());
            });
            token = page.has("next_page_token") ? page.get("next_page_token").asText() : null;
        } while (token != null && pages < 10);
        assertThat(paged).containsExactly(third, second, first);
        assertThat(pages).as("one task per page, then none left").isEqualTo(3);
    }

    private List<String> ids(String pathAndQuery) {
        TesApi.Answer answer = tes().get(pathAndQuery);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("tasks").forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
