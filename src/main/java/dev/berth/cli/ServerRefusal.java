package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An error answer of the server, read from Dropwizard's two bodies: {@code {"code","message"}} and
 * the 422's {@code {"errors": [...]}}, each problem kept apart so that every one is printed.
 */
final class ServerRefusal extends CliFailure {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> PHRASES = Map.of(400, "bad request", 401, "unauthorized",
            403, "forbidden", 404, "not found", 409, "conflict", 413, "too large", 415, "unsupported media type",
            422, "unprocessable", 429, "too many requests", 503, "unavailable");
    private static final String TOKEN_HINT = " (give a token with --token, --token-file or BERTH_TOKEN)";

    private final int status;

    private ServerRefusal(int status, List<String> lines) {
        super(ExitCodes.REFUSED, lines);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** The refusal of a request about {@code what} (a manifest, say), or of "the request". */
    static ServerRefusal of(int status, String body, String what) {
        List<String> problems = problems(body);
        String phrase = status + " " + PHRASES.getOrDefault(status, status >= 500 ? "server error" : "error");
        if (problems.size() > 1 || (status == 422 && !problems.isEmpty())) {
            List<String> lines = new ArrayList<>(List.of("the server refused " + what + " (" + status + "):"));
            problems.forEach(problem -> lines.add("  - " + problem));
            return new ServerRefusal(status, lines);
        }
        String line = phrase + (problems.isEmpty() ? "" : ": " + problems.get(0)) + (status == 401 ? TOKEN_HINT : "");
        return new ServerRefusal(status, List.of(line));
    }

    /** A body that is no JSON (a proxy's page, say) gives its first line, kept short. */
    private static List<String> problems(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.path("errors").isArray()) {
                List<String> errors = new ArrayList<>();
                json.get("errors").forEach(error -> errors.add(error.asText()));
                return errors;
            }
            if (json != null && json.path("message").isTextual()) {
                return List.of(json.get("message").asText());
            }
        } catch (IOException notJson) {
            // fall through to the text itself
        }
        String firstLine = body.strip().lines().findFirst().orElse("");
        return firstLine.isEmpty() ? List.of() : List.of(firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine);
    }
}
