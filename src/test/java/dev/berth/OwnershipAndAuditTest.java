package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who owns a job and what that changes: the owner in its view and events, listings filtered by it,
 * the bootstrap token's file, revokes that count at once, and the audit trail of every change.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnershipAndAuditTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.launch", "false"));
    private static final String MANIFEST = "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void theFirstAdminTokenIsWrittenOnceToAFileOnlyItsOwnerMayRead() throws Exception {
        var file = BerthTestApp.tokenFile(INSTANCE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = Files.readString(file).strip();
        assertThat(token).matches("berth_[A-Za-z0-9_-]{43}");
        JsonNode tokens = read(request("/tokens", token).get());
        assertThat(tokens.at("/items/0/name").asText()).isEqualTo("admin");
        assertThat(tokens.toString()).doesNotContain(token);
    }

    @Test
    void aSubmittersJobsAreItsOwnAndTheOthersSeeWhose() {
        String carol = createToken("carol", "submitter");
        String dave = createToken("dave", "submitter");
        String viewer = createToken("carol-watcher", "viewer");
        String carols = submit(carol);
        String daves = submit(dave);

        JsonNode job = read(request("/jobs/" + carols, carol).get());
        assertThat(job.path("owner").asText()).isEqualTo("carol");
        assertThat(ids(read(request("/jobs", carol).get()))).contains(carols).doesNotContain(daves);
        assertThat(ids(read(request("/jobs", viewer).get()))).contains(carols, daves);
        assertThat(ids(read(request("/jobs?owner=dave", viewer).get()))).containsExactly(daves);

        read(request("/jobs/" + carols + "/cancel", carol).post(Entity.json("")));
        JsonNode events = read(request("/jobs/" + carols + "/events", carol).get());
        assertThat(events.toString()).contains("accepted from carol").contains("(by carol)");
    }

    @Test
    void aTokenInTheUrlIsRefusedForItWouldBeLogged() throws Exception {
        String token = Files.readString(BerthTestApp.tokenFile(INSTANCE)).strip();
        try (Response response = APP.client().target(base() + "/info?access_token=" + token).request()
                .header("Authorization", "Bearer berth_" + "x".repeat(43)).get()) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("Authorization header");
        }
    }

    @Test
    void aNamedJobIsTheSameJobOnlyForItsOwner() {
        String frank = createToken("frank", "submitter");
        String grace = createToken("grace", "submitter");
        String named = "{\"name\": \"nightly\", \"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";
        String id;
        try (Response first = request("/jobs", frank).post(Entity.json(named))) {
            assertThat(first.getStatus()).isEqualTo(201);
            id = JobsApi.read(first.readEntity(String.class)).path("id").asText();
        }
        try (Response again = request("/jobs", frank).post(Entity.json(named))) {
            assertThat(again.getStatus()).as("the owner's resubmission is its job").isEqualTo(200);
            assertThat(JobsApi.read(again.readEntity(String.class)).path("id").asText()).isEqualTo(id);
        }
        try (Response other = request("/jobs", grace).post(Entity.json(named))) {
            String body = other.readEntity(String.class);
            assertThat(other.getStatus()).as("another owner's, though all else is the same").isEqualTo(409);
            assertThat(body).doesNotContain(id);
        }
    }

    @Test
    void aRevokedTokenIsRefusedAtItsNextRequest() {
        String token = createToken("short-lived", "viewer");
        try (Response before = request("/info", token).get()) {
            assertThat(before.getStatus()).isEqualTo(200);
        }
        try (Response revoke = APP.client().target(base() + "/tokens/short-lived").request().delete()) {
            assertThat(revoke.getStatus()).isEqualTo(204);
        }
        try (Response after = request("/info", token).get()) {
            assertThat(after.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void everyRequestThatChangesSomethingIsInTheAuditTrailWithWhoWhatWhereAndHowItEnded() {
        String erin = createToken("erin", "submitter");
        String id = submit(erin);
        try (Response refused = request("/queues/default/pause", erin).post(Entity.json(""))) {
            assertThat(refused.getStatus()).isEqualTo(403);
        }
        try (Response anonymous = APP.client().target(base() + "/jobs").request()
                .header("Authorization", "Bearer berth_forged").post(Entity.json(MANIFEST))) {
            assertThat(anonymous.getStatus()).isEqualTo(401);
        }
        try (Response read = request("/jobs/" + id, erin).get()) {
            assertThat(read.getStatus()).isEqualTo(200);
        }

        List<JsonNode> entries = new ArrayList<>();
        read(APP.client().target(base() + "/audit?limit=1000").request().get()).path("items").forEach(entries::add);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("erin");
            assertThat(e.path("action").asText()).isEqualTo("POST");
            assertThat(e.path("target").asText()).isEqualTo("/api/v1/jobs");
            assertThat(e.path("outcome").asInt()).isEqualTo(201);
            assertThat(e.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(e.path("at").asText()).isNotBlank();
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("erin");
            assertThat(e.path("target").asText()).isEqualTo("/api/v1/queues/default/pause");
            assertThat(e.path("outcome").asInt()).isEqualTo(403);
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("actor").isNull()).isTrue();
            assertThat(e.path("target").asText()).isEqualTo("/api/v1/jobs");
            assertThat(e.path("outcome").asInt()).isEqualTo(401);
        });
        assertThat(entries).as("reads are not changes").noneSatisfy(e ->
                assertThat(e.path("target").asText()).isEqualTo("/api/v1/jobs/" + id));
        assertThat(entries).as("the token erin was created with, by the admin").anySatisfy(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("admin");
            assertThat(e.path("target").asText()).isEqualTo("/api/v1/tokens");
        });

        // Paging: one at a time, newest first, until next runs out.
        JsonNode first = read(APP.client().target(base() + "/audit?limit=1").request().get());
        assertThat(first.path("items")).hasSize(1);
        JsonNode second = read(APP.client().target(base() + "/audit?limit=1&after=" + first.path("next").asText())
                .request().get());
        assertThat(second.at("/items/0/id").asLong()).isLessThan(first.at("/items/0/id").asLong());
    }

    private static String base() {
        return "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1";
    }

    private static Invocation.Builder request(String path, String token) {
        return APP.client().target(base() + path).request().header("Authorization", "Bearer " + token);
    }

    private static String submit(String token) {
        return read(request("/jobs", token).post(Entity.json(MANIFEST))).path("id").asText();
    }

    private static String createToken(String name, String role) {
        return read(APP.client().target(base() + "/tokens").request()
                .post(Entity.json("{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}"))).path("token").asText();
    }

    private static List<String> ids(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode read(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isLessThan(300);
            return JobsApi.read(body);
        }
    }
}
