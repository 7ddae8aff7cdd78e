package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real XNAT command names load unchanged: registered, addressed URL-encoded, imported from an image's
 * label and run as jobs. Refused are only the characters that cannot travel in one path segment.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CommandNamesApiTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NIFTYREG = "RegAladin (NiftyReg)";
    private static final String PATH_UNSAFE = "/\\%";
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE);

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void everyPrintableAsciiCharacterTravelsInANameOrIsRefusedByName() {
        for (char c = 0x20; c < 0x7f; c++) {
            String name = "a" + c + "b";
            if (PATH_UNSAFE.indexOf(c) >= 0) {
                try (Response put = put(name, command(name))) {
                    // Jetty refuses the encoded character as ambiguous before Berth sees the request.
                    assertThat(put.getStatus()).as("PUT of %s", name).isEqualTo(400);
                }
                try (Response job = submit(name)) {
                    assertThat(job.getStatus()).as("a job naming %s", name).isEqualTo(422);
                    String error = JobsApi.read(job.readEntity(String.class)).get("errors").get(0).asText();
                    assertThat(error).startsWith("fromCommand.name: ").contains("'" + c + "' at character 2");
                }
                continue;
            }
            try (Response put = put(name, command(name))) {
                assertThat(put.getStatus()).as("PUT of %s: %s", name, put.readEntity(String.class)).isEqualTo(201);
            }
            assertThat(get(name).get("name").asText()).as("GET of %s", name).isEqualTo(name);
            try (Response deleted = request(name).delete()) {
                assertThat(deleted.getStatus()).as("DELETE of %s", name).isEqualTo(204);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {NIFTYREG, "dcm2niix (BIDS) v1.0.2", "two  spaces", "Überprüfung 名前 🧠", "a+b?c#d;e"})
    void realNamesAreRegisteredAddressedUrlEncodedAndListed(String name) {
        try (Response put = put(name, command(name))) {
            assertThat(put.getStatus()).as(put.readEntity(String.class)).isEqualTo(201);
        }

        assertThat(get(name).get("name").asText()).isEqualTo(name);
        assertThat(api().getJson("/commands").get("items").findValuesAsText("name")).contains(name);
    }

    @Test
    void commandsWithSuchNamesAreImportedFromAnImageLabelAndRun() throws Exception {
        String unicode = "Ünïcode 名前 (v2)";
        String image = TestEngine.imageWithCommands("names-" + INSTANCE,
                JSON.createArrayNode().add(command(NIFTYREG)).add(command(unicode)).toString());
        try {
            try (Response imported = importFrom(image)) {
                assertThat(imported.getStatus()).isEqualTo(201);
                assertThat(JobsApi.read(imported.readEntity(String.class)).get("items").findValuesAsText("name"))
                        .containsExactly(NIFTYREG, unicode);
            }
            assertThat(get(NIFTYREG).get("name").asText()).isEqualTo(NIFTYREG);
            assertThat(get(unicode).get("definition").get("name").asText()).isEqualTo(unicode);
        } finally {
            TestEngine.docker().removeImageCmd(image).exec();
        }

        String id;
        try (Response submitted = submit(NIFTYREG)) {
            String body = submitted.readEntity(String.class);
            assertThat(submitted.getStatus()).as(body).isEqualTo(201);
            id = JobsApi.read(body).get("id").asText();
        }
        JsonNode job = api().awaitTerminal(id, Duration.ofSeconds(60));
        assertThat(job.get("status").get("phase").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(job.get("spec").get("fromCommand").get("name").asText()).isEqualTo(NIFTYREG);
        assertThat(api().logs(id)).contains("hello from " + shellSafe(NIFTYREG));
    }

    @Test
    void anImageLabelWithARefusedNameImportsNothingAndSaysWhichCharacter() throws Exception {
        String image = TestEngine.imageWithCommands("refused-" + INSTANCE, JSON.createArrayNode()
                .add(command("fine-" + INSTANCE)).add(command("in/out")).add(command("tab\there")).toString());
        try (Response imported = importFrom(image)) {
            assertThat(imported.getStatus()).isEqualTo(422);
            assertThat(JobsApi.read(imported.readEntity(String.class)).get("errors").toString())
                    .contains("in/out: command name has '/' at character 3")
                    .contains("unprintable character U+0009 at character 4");
        } finally {
            TestEngine.docker().removeImageCmd(image).exec();
        }
        try (Response fine = request("fine-" + INSTANCE).get()) {
            assertThat(fine.getStatus()).isEqualTo(404);
        }
    }

    /** POST .../import imports from an image; the other methods on that path reach a command named import. */
    @Test
    void aCommandNamedImportIsAddressedLikeAnyOther() {
        try (Response put = put("import", command("import"))) {
            assertThat(put.getStatus()).as(put.readEntity(String.class)).isEqualTo(201);
        }
        assertThat(get("import").get("name").asText()).isEqualTo("import");
        try (Response deleted = request("import").delete()) {
            assertThat(deleted.getStatus()).isEqualTo(204);
        }
    }

    @Test
    void aNameLongerThan253CharactersIsRefused() {
        try (Response put = put("n".repeat(254), command("n".repeat(254)))) {
            assertThat(put.getStatus()).isEqualTo(422);
            assertThat(put.readEntity(String.class)).contains("at most 253");
        }
        try (Response put = put("n".repeat(253), command("n".repeat(253)))) {
            assertThat(put.getStatus()).isEqualTo(201);
        }
    }

    /**
     * A command that greets with its name made shell-safe (XNAT refuses a value with '(' anyway), built
     * by Jackson so that any name is valid JSON.
     */
    private static ObjectNode command(String name) {
        ObjectNode command = JSON.createObjectNode().put("name", name).put("image", TestEngine.IMAGE)
                .put("override-entrypoint", true).put("command-line", "echo hello from #WHO#");
        command.putArray("inputs").addObject().put("name", "WHO").put("default-value", shellSafe(name));
        return command;
    }

    private static String shellSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static Response put(String name, ObjectNode definition) {
        return request(name).put(Entity.json(definition.toString()));
    }

    private static JsonNode get(String name) {
        try (Response response = request(name).get()) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as("GET of %s: %s", name, body).isEqualTo(200);
            return JobsApi.read(body);
        }
    }

    private static Response submit(String commandName) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.putObject("fromCommand").put("name", commandName);
        return APP.client().target(base() + "/jobs").request().post(Entity.json(manifest.toString()));
    }

    private static Response importFrom(String image) {
        return APP.client().target(base() + "/commands/import").queryParam("image", image).request()
                .post(Entity.json(""));
    }

    /** The name as one path segment: percent-encoded UTF-8, a space as %20 (a + in a path is a plus). */
    private static jakarta.ws.rs.client.Invocation.Builder request(String name) {
        String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return APP.client().target(base() + "/commands/" + segment).request();
    }

    private static String base() {
        return "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1";
    }

    private static JobsApi api() {
        return new JobsApi(APP.client(), APP.getLocalPort());
    }
}
