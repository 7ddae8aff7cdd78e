package dev.berth.tes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.Await;
import dev.berth.support.JobsApi;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Set;

/**
 * The TES endpoints as a workflow engine uses them, over HTTP against the running application.
 * Every answer, errors included, is checked against the published TES 1.1 schema before a test
 * sees it.
 */
final class TesApi {
    static final Set<String> ENDED = Set.of("COMPLETE", "EXECUTOR_ERROR", "SYSTEM_ERROR", "CANCELED", "PREEMPTED");
    private static final TesSchema SCHEMA = TesSchema.load();

    private final Client client;
    private final String root;
    private final String token;

    /** As the application's client calls: with the admin token. */
    TesApi(Client client, int port) {
        this(client, port, null);
    }

    /** As the caller of {@code token}. */
    TesApi(Client client, int port, String token) {
        this.client = client;
        this.root = "http://127.0.0.1:" + port;
        this.token = token;
    }

    private Invocation.Builder request(String pathAndQuery) {
        var request = client.target(root + TesSchema.BASE_PATH + pathAndQuery).request(MediaType.APPLICATION_JSON);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** One answer: its status and body (JSON, or null when it is not). */
    record Answer(int status, String text) {
        JsonNode json() {
            return JobsApi.read(text);
        }
    }

    /** GET of a path under /ga4gh/tes/v1, with its query. */
    Answer get(String pathAndQuery) {
        try (Response response = request(pathAndQuery).get()) {
            return checked("GET", pathAndQuery, response);
        }
    }

    Answer post(String path, String body) {
        try (Response response = request(path).post(Entity.entity(body, MediaType.APPLICATION_JSON))) {
            return checked("POST", path, response);
        }
    }

    /** Creates a task and expects 200 with its id. */
    String create(String task) {
        Answer answer = post("/tasks", task);
        if (answer.status() != 200) {
            throw new AssertionError("create: expected 200, got " + answer.status() + ": " + answer.text());
        }
        return answer.json().get("id").asText();
    }

    JsonNode task(String id, String view) {
        Answer answer = get("/tasks/" + id + "?view=" + view);
        if (answer.status() != 200) {
            throw new AssertionError("GET task " + id + ": " + answer.status() + " " + answer.text());
        }
        return answer.json();
    }

    void cancel(String id) {
        Answer answer = post("/tasks/" + id + ":cancel", "{}");
        if (answer.status() != 200) {
            throw new AssertionError("cancel of " + id + ": " + answer.status() + " " + answer.text());
        }
    }

    /** Polls until the task is in one of the states; then its FULL view. */
    JsonNode awaitState(String id, Set<String> states, Duration deadline) {
        JsonNode task = Await.until(() -> task(id, "MINIMAL"), read -> states.contains(read.path("state").asText()),
                deadline);
        if (!states.contains(task.path("state").asText())) {
            throw new AssertionError("task " + id + " did not reach " + states + " within " + deadline + ": "
                    + task(id, "FULL"));
        }
        return task(id, "FULL");
    }

    JsonNode awaitEnd(String id, Duration deadline) {
        return awaitState(id, ENDED, deadline);
    }

    private static Answer checked(String method, String pathAndQuery, Response response) {
        String text = response.readEntity(String.class);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        SCHEMA.assertValid(method, TesSchema.BASE_PATH + pathAndQuery, response.getStatus(), type, text);
        return new Answer(response.getStatus(), text);
    }
}
