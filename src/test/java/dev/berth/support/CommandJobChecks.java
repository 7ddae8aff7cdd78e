package dev.berth.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What jobs from commands must show in either mode; the mode-specific tests compare with Docker. */
public final class CommandJobChecks {
    public static final String SECRET = "s3cret-token";

    private CommandJobChecks() {
    }

    public static Path mountRoot(String instance) {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-mounts", instance).toAbsolutePath());
            Files.createDirectories(root.resolve("out"));
            Files.createDirectories(root.resolve("in"));
            // The job may run as any user: let it write its output.
            root.resolve("out").toFile().setWritable(true, false);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void register(Client client, int port, String name, String definition) {
        try (Response response = client.target("http://127.0.0.1:" + port + "/api/v1/commands/" + name).request()
                .put(Entity.json(definition))) {
            assertThat(response.getStatus()).as(response.readEntity(String.class)).isIn(200, 201);
        }
    }

    public static String debugJob(String command, Path root) {
        return """
                {"fromCommand": {"name": "%s", "params": {"MESSAGE": "hello-params", "FILE_NAME": "out.txt",
                  "TOKEN": "%s"}, "mounts": {"output": "%s", "input": "%s"}}, "labels": {"kind": "debug"}}
                """.formatted(command, SECRET, root.resolve("out"), root.resolve("in"));
    }

    /** The parameters arrived: in the file on the writable mount and in the output; the secret never shows. */
    public static void assertDebugJobRan(JobsApi api, String id, Path root) throws IOException {
        JsonNode job = api.getJson("/jobs/" + id);
        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(Files.readString(root.resolve("out").resolve("out.txt"))).isEqualTo("hello-params\n");
        String logs = api.logs(id);
        assertThat(logs).contains("wrote hello-params").contains("DEBUG_TOKEN=*****").doesNotContain(SECRET);
        assertThat(job.toString()).doesNotContain(SECRET);
        assertThat(job.get("spec").get("fromCommand").get("params").get("TOKEN").asText()).isEqualTo("*****");
        assertThat(job.get("spec").get("fromCommand").get("version").asText()).isEqualTo("1.0");
        assertThat(api.getJson("/jobs/" + id + "/events").toString()).doesNotContain(SECRET);
    }

    public static List<String> resolvedCommand(JsonNode job) {
        List<String> argv = new ArrayList<>();
        job.get("resolved").get("command").forEach(arg -> argv.add(arg.asText()));
        return argv;
    }

    /** The resolved env as "K=V" lines, with the masked secret put back: Docker must have the real value. */
    public static List<String> expectedEnv(JsonNode job) {
        Map<String, String> env = new TreeMap<>();
        job.get("resolved").get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.replaceAll((key, value) -> value.equals("*****") ? SECRET : value);
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
