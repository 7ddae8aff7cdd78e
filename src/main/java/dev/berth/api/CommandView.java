package dev.berth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A registered command version; {@code definition} (as registered) and {@code versions} only when asked for one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandView(String name, String version, String image, String description, Instant registeredAt,
                          List<String> versions, JsonNode definition) {
}
