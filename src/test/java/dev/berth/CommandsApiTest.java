package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestCommands;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Registering, listing, versioning, deleting and importing commands, and the errors of each. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CommandsApiTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE);

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aCommandIsRegisteredKeptAsWrittenAndReplacedInPlace() {
        try (Response created = put("debug-echo", TestCommands.debug("debug-echo"))) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        try (Response replaced = put("debug-echo", TestCommands.debug("debug-echo"))) {
            assertThat(replaced.getStatus()).isEqualTo(200);
        }

        JsonNode command = api().getJson("/commands/debug-echo");

        assertThat(command.get("version").asText()).isEqualTo("1.0");
        assertThat(command.get("versions")).hasSize(1);
        assertThat(command.get("definition").get("xnat").get(0).get("name").asText()).isEqualTo("debug-session");
        assertThat(command.get("definition").has("outputs")).isTrue();
    }

    @Test
    void versionsAreKeptAndTheNewestIsTheLastRegistered() {
        put("convert", TestCommands.converter("convert", "1.6")).close();
        put("convert", TestCommands.converter("convert", "1.10")).close();
        put("convert", TestCommands.converter("convert", "1.7")).close();

        assertThat(api().getJson("/commands/convert").get("version").asText()).isEqualTo("1.7");
        assertThat(api().getJson("/commands/convert?version=1.10").get("version").asText()).isEqualTo("1.10");
        assertThat(api().getJson("/commands/convert").get("versions").toString()).isEqualTo("[\"1.7\",\"1.10\",\"1.6\"]");
        assertThat(api().getJson("/commands").get("items").findValuesAsText("name")).contains("convert");

        try (Response deleted = target("/commands/convert?version=1.7").request().delete()) {
            assertThat(deleted.getStatus()).isEqualTo(204);
        }
        assertThat(api().getJson("/commands/convert").get("version").asText()).isEqualTo("1.10");
        try (Response all = target("/commands/convert").request().delete()) {
            assertThat(all.getStatus()).isEqualTo(204);
        }
        try (Response gone = api().get("/commands/convert")) {
            assertThat(gone.getStatus()).isEqualTo(404);
        }
    }

    static Stream<Arguments> invalidDefinitions() {
        String image = TestEngine.IMAGE;
        return Stream.of(
                Arguments.of("duplicate input names", "{\"image\": \"" + image + "\", \"inputs\": [{\"name\": \"a\"},"
                        + " {\"name\": \"a\"}]}", "duplicate"),
                Arguments.of("select without select-values", "{\"image\": \"" + image + "\", \"inputs\": [{\"name\": \"s\","
                        + " \"type\": \"select-one\"}]}", "select-values"),
                Arguments.of("mount without a path", "{\"image\": \"" + image + "\", \"mounts\": [{\"name\": \"out\"}]}",
                        "path"),
                Arguments.of("missing image", "{\"command-line\": \"echo\"}", "image"),
                Arguments.of("name differing from the path", "{\"name\": \"other\", \"image\": \"" + image + "\"}",
                        "differs"),
                Arguments.of("not a docker command", "{\"image\": \"" + image + "\", \"type\": \"docker-setup\"}", "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void anInvalidDefinitionIs422NamingTheProblemAndNotStored(String what, String body, String problem) {
        try (Response response = put("bad-command", body)) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains(problem);
        }
        try (Response missing = api().get("/commands/bad-command")) {
            assertThat(missing.getStatus()).isEqualTo(404);
        }
    }

    @Test
    void aCommandLineThatRefersToNoInputIsFine() {
        try (Response response = put("plain", "{\"image\": \"" + TestEngine.IMAGE + "\", \"command-line\": \"echo hi\"}")) {
            assertThat(response.getStatus()).isEqualTo(201);
        }
    }

    @Test
    void commandsAreImportedFromAnImagesLabel() throws Exception {
        String label = "[" + TestCommands.debug("imported-debug") + "," + TestCommands.shell("imported-shell") + "]";
        String image = TestEngine.imageWithCommands(INSTANCE, label);
        try {
            try (Response imported = target("/commands/import?image=" + image).request().post(Entity.json(""))) {
                assertThat(imported.getStatus()).isEqualTo(201);
                assertThat(JobsApi.read(imported.readEntity(String.class)).get("items").findValuesAsText("name"))
                        .containsExactly("imported-debug", "imported-shell");
            }
            assertThat(api().getJson("/commands/imported-shell").get("definition").get("override-entrypoint").asBoolean())
                    .isTrue();
            try (Response missing = target("/commands/import?image=berth-test-absent:0").request().post(Entity.json(""))) {
                assertThat(missing.getStatus()).isEqualTo(404);
            }
            try (Response malformed = target("/commands/import").queryParam("image", "not an image!").request()
                    .post(Entity.json(""))) {
                assertThat(malformed.getStatus()).isEqualTo(400);
                assertThat(malformed.readEntity(String.class)).contains("image reference");
            }
            try (Response unlabelled = target("/commands/import?image=" + TestEngine.IMAGE).request().post(Entity.json(""))) {
                assertThat(unlabelled.getStatus()).isEqualTo(422);
                assertThat(unlabelled.readEntity(String.class)).contains("org.nrg.commands");
            }
        } finally {
            TestEngine.docker().removeImageCmd(image).exec();
        }
    }

    private static JobsApi api() {
        return new JobsApi(APP.client(), APP.getLocalPort());
    }

    private static jakarta.ws.rs.client.WebTarget target(String path) {
        return APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1" + path);
    }

    private static Response put(String name, String body) {
        return target("/commands/" + name).request(MediaType.APPLICATION_JSON).put(Entity.json(body));
    }
}
