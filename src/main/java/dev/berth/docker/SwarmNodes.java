package dev.berth.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lists the swarm's nodes through the engine's API directly: docker-java's node model has no
 * generic resources (a node's GPUs, say), which are what operators need to see.
 */
final class SwarmNodes {
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    SwarmNodes(DockerHttpClient http) {
        this.http = http;
    }

    /** Empty when the engine is not a swarm manager (it answers 503 for nodes). */
    Optional<List<SwarmNode>> list() {
        var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path("/nodes")
                .build();
        try (var response = http.execute(request)) {
            if (response.getStatusCode() == SERVICE_UNAVAILABLE) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(response.getBody());
            if (response.getStatusCode() != 200) {
                throw new EngineErrorException("could not list the swarm's nodes: " + body.path("message").asText(
                        "the engine answered " + response.getStatusCode()), null);
            }
            List<SwarmNode> nodes = new ArrayList<>();
            body.forEach(node -> nodes.add(toNode(node)));
            return Optional.of(nodes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One node; empty when the swarm no longer knows it (or the engine is not a manager). */
    Optional<SwarmNode> find(String id) {
        var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/nodes/" + id).build();
        try (var response = http.execute(request)) {
            if (response.getStatusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(toNode(JSON.readTree(response.getBody())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SwarmNode toNode(JsonNode node) {
        JsonNode description = node.path("Description");
        JsonNode resources = description.path("Resources");
        Double cpus = resources.has("NanoCPUs") ? resources.get("NanoCPUs").asLong() / 1e9 : null;
        Long memoryMb = resources.has("MemoryBytes") ? resources.get("MemoryBytes").asLong() / (1024 * 1024) : null;
        return new SwarmNode(node.path("ID").asText(null), description.path("Hostname").asText(null),
                node.path("Spec").path("Role").asText(null), node.path("Status").path("State").asText(null),
                node.path("Spec").path("Availability").asText(null), node.path("Status").path("Addr").asText(null),
                node.has("ManagerStatus") ? node.path("ManagerStatus").path("Leader").asBoolean(false) : null,
                strings(node.path("Spec").path("Labels")), strings(description.path("Engine").path("Labels")), cpus,
                memoryMb, generic(resources.path("GenericResources")));
    }

    /** Named kinds (gpu=gpu0, gpu=gpu1) as their names, discrete kinds (ssd=2) as their count. */
    private static Map<String, Object> generic(JsonNode resources) {
        Map<String, List<String>> named = new TreeMap<>();
        Map<String, Object> all = new TreeMap<>();
        for (JsonNode resource : resources) {
            JsonNode namedSpec = resource.path("NamedResourceSpec");
            JsonNode discrete = resource.path("DiscreteResourceSpec");
            if (!namedSpec.isMissingNode()) {
                named.computeIfAbsent(namedSpec.path("Kind").asText(), kind -> new ArrayList<>())
                        .add(namedSpec.path("Value").asText());
            } else if (!discrete.isMissingNode()) {
                all.put(discrete.path("Kind").asText(), discrete.path("Value").asLong());
            }
        }
        all.putAll(named);
        return all;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return new TreeMap<>(map);
    }
}
