package dev.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The parts of Berth's REST API the benchmark uses, over the JDK's HTTP client, every request with
 * the server's bearer token.
 */
final class BerthApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> ACTIVE_PHASES = List.of("Pending", "Launching", "Running");

    private final URI base;
    private final String authorization;
    /** Where {@link #anyActive} found a job last; only the driver's thread asks. */
    private String lastActivePhase = "Pending";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    BerthApi(URI base, String token) {
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    /** Submits a manifest; completes with the new job's id. */
    CompletableFuture<String> submit(String manifest) {
        var request = request("/api/v1/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(manifest)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v1/jobs answered " + response.statusCode() + ": "
                        + response.body());
            }
            return readTree(response.body()).path("id").asText();
        });
    }

    /** GET /api/v1/info: which member answered, whether it leads. */
    JsonNode info() throws IOException, InterruptedException {
        return get("/api/v1/info");
    }

    JsonNode job(String id) throws IOException, InterruptedException {
        return get("/api/v1/jobs/" + id);
    }

    JsonNode events(String id) throws IOException, InterruptedException {
        return get("/api/v1/jobs/" + id + "/events").path("items");
    }

    /**
     * Whether any job carrying {@code label} (key=value) is not terminal yet. The phase the last
     * look found one in is asked first, since jobs stay in it a while: mostly one small list
     * request a look, three only when that phase has just emptied.
     */
    boolean anyActive(String label) throws IOException, InterruptedException {
        List<String> phases = new ArrayList<>(ACTIVE_PHASES);
        phases.remove(lastActivePhase);
        phases.add(0, lastActivePhase);
        for (String phase : phases) {
            JsonNode page = get("/api/v1/jobs?limit=1&phase=" + phase + "&label=" + encode(label));
            if (page.path("items").size() > 0) {
                lastActivePhase = phase;
                return true;
            }
        }
        return false;
    }

    /** How many jobs with {@code label} are in {@code phase} (up to 1000). */
    int count(String phase, String label) throws IOException, InterruptedException {
        return get("/api/v1/jobs?limit=1000&phase=" + phase + "&label=" + encode(label)).path("items").size();
    }

    /** Ids of the newest jobs. */
    List<String> newestIds(int limit) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        get("/api/v1/jobs?limit=" + limit).path("items").forEach(job -> ids.add(job.path("id").asText()));
        return ids;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        var response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", authorization);
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
