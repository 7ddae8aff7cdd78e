package dev.berth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Set;

/** Berth's REST API as a test uses it: plain HTTP against the running application. */
public final class JobsApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TERMINAL = Set.of("Succeeded", "Failed", "Cancelled");

    private final Client client;
    private final String base;

    public JobsApi(Client client, int port) {
        this.client = client;
        this.base = "http://127.0.0.1:" + port + "/api/v1";
    }

    public Response submit(String body, String mediaType) {
        return client.target(base + "/jobs").request(MediaType.APPLICATION_JSON).post(Entity.entity(body, mediaType));
    }

    /** Submits JSON, expects 201 and returns the job's id. */
    public String submitJson(String body) {
        try (Response response = submit(body, MediaType.APPLICATION_JSON)) {
            String text = response.readEntity(String.class);
            if (response.getStatus() != 201) {
                throw new AssertionError("expected 201, got " + response.getStatus() + ": " + text);
            }
            return read(text).get("id").asText();
        }
    }

    /** Asks for the job's cancel and expects 200: the job is cancelled, or being stopped. */
    public void cancel(String id) {
        try (Response response = client.target(base + "/jobs/" + id + "/cancel").request(MediaType.APPLICATION_JSON)
                .post(Entity.json(""))) {
            if (response.getStatus() != 200) {
                throw new AssertionError("cancel of " + id + ": expected 200, got " + response.getStatus() + ": "
                        + response.readEntity(String.class));
            }
        }
    }

    public Response get(String path) {
        return client.target(base + path).request().get();
    }

    public JsonNode getJson(String path) {
        try (Response response = get(path)) {
            String text = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError("GET " + path + ": " + response.getStatus() + " " + text);
            }
            return read(text);
        }
    }

    public String logs(String id) {
        return logs(id, "");
    }

    /** The text logs with a query, e.g. {@code "?attempt=1&stream=stderr"}; fails on anything but 200. */
    public String logs(String id, String query) {
        try (Response response = client.target(base + "/jobs/" + id + "/logs" + query).request("text/plain").get()) {
            String text = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError("GET logs " + query + " of " + id + ": " + response.getStatus() + " " + text);
            }
            return text;
        }
    }

    /** The logs as JSON ({@code Accept: application/json}), with a query as for {@link #logs(String, String)}. */
    public JsonNode logsJson(String id, String query) {
        try (Response response = client.target(base + "/jobs/" + id + "/logs" + query).request("application/json")
                .get()) {
            String text = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError("GET JSON logs " + query + " of " + id + ": " + response.getStatus() + " " + text);
            }
            return read(text);
        }
    }

    /** The status code of a GET, for requests that are meant to fail. */
    public int status(String path) {
        try (Response response = get(path)) {
            return response.getStatus();
        }
    }

    /** Polls until the job is terminal; fails (with its last state) if that takes over the deadline. */
    public JsonNode awaitTerminal(String id, Duration deadline) {
        return awaitPhase(id, TERMINAL, deadline);
    }

    public JsonNode awaitPhase(String id, Set<String> phases, Duration deadline) {
        JsonNode job = Await.until(() -> getJson("/jobs/" + id),
                read -> phases.contains(read.path("status").path("phase").asText()), deadline);
        if (!phases.contains(job.path("status").path("phase").asText())) {
            throw new AssertionError("job " + id + " did not reach " + phases + " within " + deadline + ": " + job);
        }
        return job;
    }

    /** The latest attempt of a job as GET /jobs/{id} shows it. */
    public static JsonNode lastAttempt(JsonNode job) {
        JsonNode attempts = job.path("attempts");
        if (!attempts.isArray() || attempts.isEmpty()) {
            throw new AssertionError("job has no attempts: " + job);
        }
        return attempts.get(attempts.size() - 1);
    }

    /** The first step of the job's latest attempt (the only one of a single-step job). */
    public static JsonNode firstStep(JsonNode job) {
        return lastAttempt(job).path("steps").get(0);
    }

    public static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
