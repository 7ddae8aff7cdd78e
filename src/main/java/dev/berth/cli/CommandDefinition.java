package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A command definition read from a file for {@code commands put}. The server takes JSON only: a JSON
 * file is sent as written, a YAML one (.yaml, .yml) as the JSON of its one document.
 */
record CommandDefinition(String file, String json, String name) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    static CommandDefinition read(String file) {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.REFUSED, "cannot read " + file + " (" + FileErrors.describe(e) + ")");
        }
        String lower = file.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        try {
            JsonNode definition = (yaml ? YAML : JSON).readTree(text);
            return new CommandDefinition(file, yaml ? JSON.writeValueAsString(definition) : text,
                    Fields.text(definition == null ? JSON.createObjectNode() : definition, "name"));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.REFUSED, file + " is not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The name to register under; a definition without one must be given it on the command line. */
    String registeredName() {
        if (name.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, file + " has no \"name\": give the command's name after the file");
        }
        return name;
    }
}
