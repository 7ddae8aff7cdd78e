package dev.berth.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.berth.support.JobsApi;
import dev.berth.support.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Polls Berth until every job is terminal or the deadline passes, and returns each job as last seen,
 * so that a test reports every job that went wrong at once. A job Berth no longer knows (404) is a
 * missing node: it was acknowledged, so that is a loss, never a reason to wait.
 */
final class FinalStates {
    private static final Set<String> TERMINAL = Set.of("Succeeded", "Failed", "Cancelled");

    private FinalStates() {
    }

    static Map<String, JsonNode> await(JobsApi api, Collection<String> ids, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        Map<String, JsonNode> seen = new HashMap<>();
        Set<String> open = new HashSet<>(ids);
        while (!open.isEmpty()) {
            for (String id : Set.copyOf(open)) {
                JsonNode job = look(api, id);
                seen.put(id, job);
                if (job.isMissingNode() || TERMINAL.contains(job.path("status").path("phase").asText())) {
                    open.remove(id);
                }
            }
            if (Instant.now().isAfter(end)) {
                break;
            }
            Pause.millis(open.isEmpty() ? 0 : 250);
        }
        return seen;
    }

    private static JsonNode look(JobsApi api, String id) {
        try (var response = api.get("/jobs/" + id)) {
            String body = response.readEntity(String.class);
            if (response.getStatus() == 404) {
                return MissingNode.getInstance();
            }
            if (response.getStatus() != 200) {
                throw new AssertionError("GET /jobs/" + id + ": " + response.getStatus() + " " + body);
            }
            return JobsApi.read(body);
        }
    }
}
