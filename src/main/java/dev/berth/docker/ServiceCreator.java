package dev.berth.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Creates services through the engine's API directly: docker-java's service model cannot carry
 * generic resources (docker-java#2320) or placement preferences, which jobs need on a real swarm.
 * Errors leave as docker-java's exceptions, so that callers handle both kinds of call alike.
 */
final class ServiceCreator {
    private static final int CREATED = 201;
    private static final int CONFLICT = 409;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;
    private final RegistryCredentials credentials;

    /** {@code credentials} null: the nodes pull anonymously. */
    ServiceCreator(DockerHttpClient http, RegistryCredentials credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /** The new service's id. */
    String create(ObjectNode spec) {
        var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path("/services/create").headers(headersFor(spec.path("TaskTemplate").path("ContainerSpec")
                        .path("Image").asText()))
                .bodyBytes(spec.toString().getBytes(StandardCharsets.UTF_8)).build();
        try (var response = http.execute(request)) {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = response.getStatusCode();
            JsonNode body = parsed(text);
            if (status == CREATED && body.hasNonNull("ID")) {
                return body.get("ID").asText();
            }
            String message = body.path("message").asText("the engine answered " + status + ": " + text.strip());
            if (status == CONFLICT) {
                throw new ConflictException(message);
            }
            throw new DockerException(message, status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer that is not JSON (a proxy's error page, say) is kept as text for the message. */
    private static JsonNode parsed(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    /**
     * The credentials go with the create only for an image of their own registry: the manager
     * hands them to whichever node runs the task, and another registry must never see them.
     */
    private Map<String, String> headersFor(String image) {
        if (credentials == null || !credentials.appliesTo(image)) {
            return Map.of("Content-Type", "application/json");
        }
        ObjectNode auth = JSON.createObjectNode().put("username", credentials.username())
                .put("password", credentials.password()).put("serveraddress", credentials.serverAddress());
        return Map.of("Content-Type", "application/json", "X-Registry-Auth",
                Base64.getUrlEncoder().encodeToString(auth.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
