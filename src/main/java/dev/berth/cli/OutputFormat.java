package dev.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** How a listing is printed: a table for people, or the server's JSON (pretty) or the same as YAML for programs. */
enum OutputFormat {
    table, json, yaml;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    /** The server's body in this format; {@code table} is the caller's to print. */
    String render(JsonNode body) {
        try {
            return switch (this) {
                case json -> JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n";
                case yaml -> YAML.writeValueAsString(body);
                case table -> throw new IllegalStateException("a table is printed by its command");
            };
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCodes.REFUSED, "cannot print the answer as " + this + ": " + e.getOriginalMessage());
        }
    }
}
