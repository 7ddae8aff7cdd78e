package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.resources.OpenApiResource;
import dev.berth.resources.TesResource;
import dev.berth.support.BearerToken;
import dev.berth.support.BerthTestApp;
import dev.berth.support.TestCommands;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the API, asked by every kind of caller: no token, a forged one, a revoked one,
 * a viewer, a submitter on its own job, a submitter on another's, an admin. Each answer is the one
 * specified, and no caller without the right gets a success. Nothing launches (launch is off): the
 * table is about who may, not what Docker does.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessTableTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.launch", "false"),
            ConfigOverride.config("quotas.submissionsPerSecond", "0"),
            ConfigOverride.config("quotas.maxActiveJobsPerOwner", "1000000"));

    enum Caller { NONE, FORGED, REVOKED, VIEWER, OWN, OTHER, ADMIN }

    /** A status the table does not fix (the nodes of an engine that may or may not be a manager). */
    private static final int ALLOWED = -1;

    /** A client of its own: the application's would add the admin token to a request without one. */
    private static final Client PLAIN = ClientBuilder.newClient(
            new ClientConfig().connectorProvider(new Apache5ConnectorProvider()));
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static final AtomicInteger FRESH = new AtomicInteger();

    @BeforeAll
    static void tokens() {
        TOKENS.put(Caller.ADMIN, new BearerToken(BerthTestApp.tokenFile(INSTANCE)).token());
        TOKENS.put(Caller.VIEWER, createToken("watcher", "viewer"));
        TOKENS.put(Caller.OWN, createToken("alice", "submitter"));
        TOKENS.put(Caller.OTHER, createToken("bob", "submitter"));
        TOKENS.put(Caller.REVOKED, createToken("gone", "admin"));
        TOKENS.put(Caller.FORGED, "berth_" + "A".repeat(43));
        try (Response revoked = as(Caller.ADMIN, "/tokens/gone").delete()) {
            assertThat(revoked.getStatus()).isEqualTo(204);
        }
        try (Response put = as(Caller.ADMIN, "/commands/listed").put(Entity.json(TestCommands.debug("listed")))) {
            assertThat(put.getStatus()).isEqualTo(201);
        }
    }

    @AfterAll
    static void cleanUp() {
        PLAIN.close();
        TestEngine.removeAllOf(INSTANCE);
    }

    /** One endpoint: how to call it (given a fresh target where it needs one) and what each caller gets. */
    record Endpoint(String method, String path, Map<Caller, Integer> expected,
                    java.util.function.BiFunction<Caller, String, Response> call, Supplier<String> target) { }

    @Test
    void everyEndpointAnswersEveryCallerAsSpecified() {
        var soft = new SoftAssertions();
        List<String> unauthorisedSuccesses = new ArrayList<>();
        JsonNode described;
        try (Response openApi = as(Caller.ADMIN, "/openapi.json").get()) {
            described = read(openApi.readEntity(String.class)).get("paths");
        }
        for (Endpoint endpoint : table()) {
            for (Caller caller : Caller.values()) {
                int expected = endpoint.expected().get(caller);
                String target = endpoint.target().get();
                try (Response response = endpoint.call().apply(caller, target)) {
                    int status = response.getStatus();
                    String body = response.readEntity(String.class);
                    String cell = endpoint.method() + " " + endpoint.path() + " as " + caller + ": " + body;
                    if (expected == ALLOWED) {
                        soft.assertThat(status).as(cell).isNotIn(401, 403, 404).isLessThan(500);
                    } else {
                        soft.assertThat(status).as(cell).isEqualTo(expected);
                    }
                    boolean mayNot = expected == 401 || expected == 403 || expected == 404;
                    if (mayNot && status < 300) {
                        unauthorisedSuccesses.add(cell);
                    }
                    if (status == 401) {
                        soft.assertThat(body).as(cell).contains("\"code\":401");
                    }
                    if (!endpoint.path().startsWith(TesResource.BASE)) {
                        // What the endpoint answered is among what its OpenAPI description says it answers.
                        soft.assertThat(described.path("/api/v1" + endpoint.path())
                                .path(endpoint.method().toLowerCase()).path("responses").has(Integer.toString(status)))
                                .as(cell + ": " + status + " in /api/v1/openapi.json").isTrue();
                    }
                }
            }
        }
        soft.assertThat(unauthorisedSuccesses).as("successes of callers without the right").isEmpty();
        soft.assertAll();
    }

    /** The table covers every endpoint the resources declare, and each declares who may call it. */
    @Test
    void theTableNamesEveryEndpointAndEveryEndpointNamesItsRoles() {
        Set<String> declared = new TreeSet<>();
        for (Class<?> resource : Stream.concat(OpenApiResource.RESOURCES.stream(), Stream.of(TesResource.class))
                .toList()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                declared.add(verb + " " + (base + (sub == null ? "" : "/" + sub.value())).replace("/api/v1", ""));
                assertThat(method.getAnnotation(RolesAllowed.class)).as(verb + " " + method).isNotNull();
            }
        }
        Set<String> tabled = new TreeSet<>();
        table().forEach(e -> tabled.add(e.method() + " " + e.path()));
        assertThat(tabled).containsAll(declared);
    }

    private static List<Endpoint> table() {
        List<Endpoint> table = new ArrayList<>();
        String manifest = "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";
        Supplier<String> none = () -> "";
        Supplier<String> alicesJob = () -> submitAs(Caller.OWN);
        Supplier<String> alicesEndedJob = () -> {
            String id = submitAs(Caller.OWN);
            try (Response cancelled = as(Caller.ADMIN, "/jobs/" + id + "/cancel").post(Entity.json(""))) {
                assertThat(cancelled.getStatus()).isEqualTo(200);
            }
            return id;
        };
        Supplier<String> freshCommand = () -> {
            String name = "cmd" + FRESH.incrementAndGet();
            try (Response put = as(Caller.ADMIN, "/commands/" + name).put(Entity.json(TestCommands.debug(name)))) {
                assertThat(put.getStatus()).isEqualTo(201);
            }
            return name;
        };
        Supplier<String> freshToken = () -> {
            String name = "t" + FRESH.incrementAndGet();
            createToken(name, "viewer");
            return name;
        };
        Supplier<String> freshName = () -> "n" + FRESH.incrementAndGet();

        table.add(new Endpoint("POST", "/jobs", roles(403, 201, 201, 201),
                (c, t) -> as(c, "/jobs").post(Entity.json(manifest)), none));
        table.add(new Endpoint("GET", "/jobs", roles(200, 200, 200, 200), (c, t) -> as(c, "/jobs").get(), none));
        table.add(new Endpoint("GET", "/jobs", roles(200, 200, 403, 200),
                (c, t) -> as(c, "/jobs?owner=alice").get(), none));
        table.add(new Endpoint("GET", "/jobs/{id}", roles(200, 200, 404, 200),
                (c, t) -> as(c, "/jobs/" + t).get(), alicesJob));
        table.add(new Endpoint("GET", "/jobs/{id}/events", roles(200, 200, 404, 200),
                (c, t) -> as(c, "/jobs/" + t + "/events").get(), alicesJob));
        table.add(new Endpoint("GET", "/jobs/{id}/logs", roles(200, 200, 404, 200),
                (c, t) -> as(c, "/jobs/" + t + "/logs", "text/plain").get(), alicesJob));
        table.add(new Endpoint("GET", "/jobs/{id}/logs", roles(200, 200, 404, 200),
                (c, t) -> as(c, "/jobs/" + t + "/logs", "application/json").get(), alicesJob));
        table.add(new Endpoint("PATCH", "/jobs/{id}", roles(403, 403, 403, 200),
                (c, t) -> as(c, "/jobs/" + t).method("PATCH", Entity.json("{\"priority\": 3}")), alicesJob));
        table.add(new Endpoint("POST", "/jobs/{id}/cancel", roles(403, 200, 404, 200),
                (c, t) -> as(c, "/jobs/" + t + "/cancel").post(Entity.json("")), alicesJob));
        table.add(new Endpoint("DELETE", "/jobs/{id}", roles(403, 403, 403, 204),
                (c, t) -> as(c, "/jobs/" + t).delete(), alicesEndedJob));

        table.add(new Endpoint("PUT", "/commands/{name}", roles(403, 403, 403, 201),
                (c, t) -> as(c, "/commands/" + t).put(Entity.json(TestCommands.debug(t))), freshName));
        table.add(new Endpoint("GET", "/commands", roles(200, 200, 200, 200),
                (c, t) -> as(c, "/commands").get(), none));
        table.add(new Endpoint("GET", "/commands/{name}", roles(200, 200, 200, 200),
                (c, t) -> as(c, "/commands/listed").get(), none));
        table.add(new Endpoint("DELETE", "/commands/{name}", roles(403, 403, 403, 204),
                (c, t) -> as(c, "/commands/" + t).delete(), freshCommand));
        // The test image has no command label: an admin gets as far as being told so.
        table.add(new Endpoint("POST", "/commands/import", roles(403, 403, 403, 422),
                (c, t) -> as(c, "/commands/import?image=" + TestEngine.IMAGE).post(Entity.json("")), none));

        table.add(new Endpoint("GET", "/queues", roles(200, 403, 403, 200), (c, t) -> as(c, "/queues").get(), none));
        table.add(new Endpoint("POST", "/queues/{name}/pause", roles(403, 403, 403, 200),
                (c, t) -> as(c, "/queues/default/pause").post(Entity.json("")), none));
        table.add(new Endpoint("POST", "/queues/{name}/resume", roles(403, 403, 403, 200),
                (c, t) -> as(c, "/queues/default/resume").post(Entity.json("")), none));
        table.add(new Endpoint("GET", "/nodes", roles(403, 403, 403, ALLOWED), (c, t) -> as(c, "/nodes").get(), none));
        table.add(new Endpoint("GET", "/info", roles(200, 200, 200, 200), (c, t) -> as(c, "/info").get(), none));

        table.add(new Endpoint("POST", "/tokens", roles(403, 403, 403, 201),
                (c, t) -> as(c, "/tokens").post(Entity.json("{\"name\": \"" + t + "\", \"role\": \"viewer\"}")),
                freshName));
        table.add(new Endpoint("GET", "/tokens", roles(403, 403, 403, 200), (c, t) -> as(c, "/tokens").get(), none));
        table.add(new Endpoint("DELETE", "/tokens/{name}", roles(403, 403, 403, 204),
                (c, t) -> as(c, "/tokens/" + t).delete(), freshToken));
        table.add(new Endpoint("GET", "/audit", roles(403, 403, 403, 200), (c, t) -> as(c, "/audit").get(), none));
        table.add(new Endpoint("GET", "/openapi.json", roles(200, 200, 200, 200),
                (c, t) -> as(c, "/openapi.json").get(), none));
        table.add(new Endpoint("GET", "/openapi.yaml", roles(200, 200, 200, 200),
                (c, t) -> as(c, "/openapi.yaml", "application/yaml").get(), none));
        String tes = TesResource.BASE;
        String task = "{\"executors\": [{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}]}";
        Supplier<String> alicesTask = () -> {
            try (Response response = as(Caller.OWN, tes + "/tasks").post(Entity.json(task))) {
                String body = response.readEntity(String.class);
                assertThat(response.getStatus()).as(body).isEqualTo(200);
                return read(body).get("id").asText();
            }
        };
        table.add(new Endpoint("GET", tes + "/service-info", roles(200, 200, 200, 200),
                (c, t) -> as(c, tes + "/service-info").get(), none));
        table.add(new Endpoint("POST", tes + "/tasks", roles(403, 200, 200, 200),
                (c, t) -> as(c, tes + "/tasks").post(Entity.json(task)), none));
        table.add(new Endpoint("GET", tes + "/tasks", roles(200, 200, 200, 200),
                (c, t) -> as(c, tes + "/tasks").get(), none));
        table.add(new Endpoint("GET", tes + "/tasks/{id}", roles(200, 200, 404, 200),
                (c, t) -> as(c, tes + "/tasks/" + t).get(), alicesTask));
        table.add(new Endpoint("POST", tes + "/tasks/{id}:cancel", roles(403, 200, 404, 200),
                (c, t) -> as(c, tes + "/tasks/" + t + ":cancel").post(Entity.json("{}")), alicesTask));
        return table;
    }

    /** What a viewer, a submitter on its own, a submitter on another's and an admin get; 401 without a valid token. */
    private static Map<Caller, Integer> roles(int viewer, int own, int other, int admin) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        Stream.of(Caller.NONE, Caller.FORGED, Caller.REVOKED).forEach(c -> expected.put(c, 401));
        expected.put(Caller.VIEWER, viewer);
        expected.put(Caller.OWN, own);
        expected.put(Caller.OTHER, other);
        expected.put(Caller.ADMIN, admin);
        return expected;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        } else if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        } else if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        } else if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        } else if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    static Invocation.Builder as(Caller caller, String path) {
        return as(caller, path, "application/json");
    }

    /** A request as the caller: its token, or none at all. */
    static Invocation.Builder as(Caller caller, String path, String accept) {
        // A connection of its own: Jetty closes one whose request body a refusal left unread.
        String prefix = path.startsWith(TesResource.BASE) ? "" : "/api/v1";
        var request = PLAIN.target("http://127.0.0.1:" + APP.getLocalPort() + prefix + path).request(accept)
                .header("Connection", "close");
        return caller == Caller.NONE ? request : request.header("Authorization", "Bearer " + TOKENS.get(caller));
    }

    private static String submitAs(Caller caller) {
        String manifest = "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"true\"]}";
        try (Response response = as(caller, "/jobs").post(Entity.json(manifest))) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(201);
            return read(body).get("id").asText();
        }
    }

    private static String createToken(String name, String role) {
        try (Response response = as(Caller.ADMIN, "/tokens")
                .post(Entity.json("{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}"))) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(201);
            return read(body).get("token").asText();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
