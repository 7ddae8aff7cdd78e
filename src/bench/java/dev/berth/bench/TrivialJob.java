package dev.berth.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The job every throughput round runs, on both sides: print a line and exit 0. */
final class TrivialJob {
    static final List<String> COMMAND = List.of("sh", "-c", "echo bench; exit 0");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrivialJob() {
    }

    static String manifest(String image, List<String> command, Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(Map.of("image", image, "command", command, "labels", labels));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
