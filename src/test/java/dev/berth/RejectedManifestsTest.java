package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad manifest gets a 4xx that names the problem, and nothing is stored. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RejectedManifestsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final String IMAGE = TestEngine.IMAGE;
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE);

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    static Stream<Arguments> badManifests() {
        String json = MediaType.APPLICATION_JSON;
        return Stream.of(
                Arguments.of("missing image", json, "{\"command\": [\"true\"]}", 422, "image is required"),
                Arguments.of("misspelt field", json, "{\"image\": \"" + IMAGE + "\", \"comand\": [\"true\"]}", 400,
                        "unknown field \"comand\""),
                Arguments.of("command as a string", json, "{\"image\": \"" + IMAGE + "\", \"command\": \"echo hi\"}",
                        400, "command"),
                Arguments.of("number for a string", json, "{\"image\": 42}", 400, "image"),
                Arguments.of("text for a number", json, "{\"image\": \"" + IMAGE
                        + "\", \"resources\": {\"memoryMb\": \"lots\"}}", 400, "memoryMb"),
                Arguments.of("relative mount target", json, "{\"image\": \"" + IMAGE
                        + "\", \"mounts\": [{\"source\": \"/srv/data\", \"target\": \"data\"}]}", 422,
                        "mounts[0].target must be an absolute path"),
                Arguments.of("bind mount outside allowed roots", json, "{\"image\": \"" + IMAGE
                        + "\", \"mounts\": [{\"source\": \"/etc\", \"target\": \"/host-etc\"}]}", 422,
                        "not under an allowed mount root"),
                Arguments.of("over-long name", json, "{\"name\": \"" + "n".repeat(300) + "\", \"image\": \""
                        + IMAGE + "\"}", 422, "name must be"),
                Arguments.of("over-long label value", json, "{\"image\": \"" + IMAGE
                        + "\", \"labels\": {\"k\": \"" + "v".repeat(300) + "\"}}", 422, "labels.k is longer"),
                Arguments.of("too many labels", json, "{\"image\": \"" + IMAGE + "\", \"labels\": {"
                        + IntStream.range(0, 65).mapToObj(i -> "\"k" + i + "\": \"v\"").collect(Collectors.joining(","))
                        + "}}", 422, "at most 64 labels"),
                Arguments.of("body over the size limit", json, "{\"image\": \"" + IMAGE + "\", \"env\": {\"BIG\": \""
                        + "x".repeat(20_000) + "\"}}", 413, "larger than"),
                Arguments.of("malformed JSON", json, "{\"image\": ", 400, "malformed"),
                Arguments.of("trailing garbage", json, "{\"image\": \"" + IMAGE + "\"} {", 400, ""),
                Arguments.of("duplicate key", json, "{\"image\": \"" + IMAGE + "\", \"image\": \"other\"}", 400,
                        "Duplicate field"),
                Arguments.of("malformed YAML", "application/yaml", "image: \"unterminated\n", 400, "malformed"),
                Arguments.of("misspelt field in YAML", "application/yaml", "image: " + IMAGE + "\ncomand: [x]\n", 400,
                        "unknown field \"comand\""),
                Arguments.of("duplicate key in YAML", "application/yaml", "image: " + IMAGE + "\nlabels: {a: b, a: c}\n",
                        400, "Duplicate field"),
                Arguments.of("YAML alias", "application/yaml", "name: &n job-a\nimage: *n\n", 400,
                        "anchors and aliases"),
                Arguments.of("YAML alias to no anchor", "application/yaml", "image: *nope\n", 400,
                        "anchors and aliases"),
                Arguments.of("empty body", json, "", 400, ""),
                Arguments.of("a list instead of a manifest", json, "[]", 400, ""),
                Arguments.of("unsupported media type", MediaType.TEXT_PLAIN, "image: x", 415, ""),
                Arguments.of("negative cpus", json, "{\"image\": \"" + IMAGE + "\", \"resources\": {\"cpus\": -1}}",
                        422, "resources.cpus"),
                Arguments.of("bad env name", json, "{\"image\": \"" + IMAGE + "\", \"env\": {\"1BAD\": \"x\"}}", 422,
                        "not a valid variable name"),
                Arguments.of("steps beside an image", json, "{\"image\": \"" + IMAGE + "\", \"steps\": [{\"name\": \"a\","
                        + " \"image\": \"" + IMAGE + "\"}]}", 422, "steps cannot be combined with image"),
                Arguments.of("two steps of one name", json, "{\"steps\": [{\"name\": \"a\", \"image\": \"" + IMAGE
                        + "\"}, {\"name\": \"a\", \"image\": \"" + IMAGE + "\"}]}", 422, "steps[1].name \\\"a\\\" is used"),
                Arguments.of("no steps", json, "{\"steps\": []}", 422, "a job has 1 to 16 steps"),
                Arguments.of("17 steps", json, "{\"steps\": [" + IntStream.range(0, 17).mapToObj(i -> "{\"name\": \"s" + i
                        + "\", \"image\": \"" + IMAGE + "\"}").collect(Collectors.joining(",")) + "]}", 422,
                        "a job has 1 to 16 steps (got 17)"),
                Arguments.of("a step without image", json, "{\"steps\": [{\"name\": \"a\"}]}", 422,
                        "steps[0].image is required"),
                Arguments.of("a misspelt step field", json, "{\"steps\": [{\"name\": \"a\", \"image\": \"" + IMAGE
                        + "\", \"continueOnErrors\": true}]}", 400, "unknown field \"steps[0].continueOnErrors\""),
                Arguments.of("a relative volume", json, "{\"image\": \"" + IMAGE + "\", \"volumes\": [\"shared\"]}", 422,
                        "volumes[0] must be an absolute path"),
                Arguments.of("a volume twice", json, "{\"image\": \"" + IMAGE + "\", \"volumes\": [\"/s\", \"/s/\"]}",
                        422, "volumes[1] /s/ is mounted twice"),
                Arguments.of("steps from a command", json, "{\"fromCommand\": {\"name\": \"x\"}, \"steps\": [{\"name\":"
                        + " \"a\", \"image\": \"" + IMAGE + "\"}]}", 422, "fromCommand cannot be combined with steps"),
                Arguments.of("placement in container mode", json, "{\"image\": \"" + IMAGE + "\", \"placement\":"
                        + " {\"constraints\": [\"node.role==worker\"]}}", 422,
                        "placement applies to swarm mode only, and this Berth runs plain containers"),
                Arguments.of("a generic resource other than gpu in container mode", json, "{\"image\": \"" + IMAGE
                        + "\", \"resources\": {\"reservations\": {\"generic\": {\"ssd\": 1}}}}", 422,
                        "resources.reservations.generic.ssd: generic resources other than gpu need swarm mode"),
                Arguments.of("no gpus at all", json, "{\"image\": \"" + IMAGE
                        + "\", \"resources\": {\"reservations\": {\"generic\": {\"gpu\": 0}}}}", 422,
                        "resources.reservations.generic.gpu must be a count from 1 to 1024"),
                Arguments.of("a reservation of no memory", json, "{\"image\": \"" + IMAGE
                        + "\", \"resources\": {\"reservations\": {\"memoryMb\": 1}}}", 422,
                        "resources.reservations.memoryMb must be between 6 and"),
                Arguments.of("a schedule timeout of 0", json, "{\"image\": \"" + IMAGE
                        + "\", \"policy\": {\"scheduleTimeoutSeconds\": 0}}", 422,
                        "policy.scheduleTimeoutSeconds must be at least 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badManifests")
    void isRejectedAndNotStored(String what, String mediaType, String body, int status, String message) {
        var api = new JobsApi(APP.client(), APP.getLocalPort());

        try (var response = api.submit(body, mediaType)) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(status);
            if (status != 415) {
                var error = JobsApi.read(text);
                String said = error.path("message").asText() + error.path("errors").toString();
                assertThat(said).contains(message);
            }
        }
        assertThat(api.getJson("/jobs").get("items")).isEmpty();
    }
}
