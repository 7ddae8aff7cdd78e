package dev.berth.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job manifests of a file, or of stdin for {@code -}: YAML documents separated by {@code ---},
 * or JSON (one object, an array of them, or objects one after another). JSON is read by the file's
 * extension, else by its first character.
 */
final class ManifestFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ManifestFile() {
    }

    static List<Manifest> read(String file, InputStream stdin) {
        String source = file.equals("-") ? "stdin" : file;
        String text = contents(file, stdin);
        boolean json = isJson(file, text);
        List<String> documents = json ? jsonDocuments(source, text) : YamlDocuments.split(text);
        if (documents.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, source + " holds no job manifest");
        }
        String type = json ? Manifest.JSON : Manifest.YAML;
        List<Manifest> manifests = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            manifests.add(new Manifest(source, i + 1, documents.size(), documents.get(i), type));
        }
        return manifests;
    }

    private static String contents(String file, InputStream stdin) {
        try {
            byte[] bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.REFUSED, "cannot read " + file + " (" + FileErrors.describe(e) + ")");
        }
    }

    private static boolean isJson(String file, String text) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return false;
        }
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static List<String> jsonDocuments(String source, String text) {
        List<String> documents = new ArrayList<>();
        try (var values = JSON.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            while (values.hasNext()) {
                JsonNode value = values.next();
                if (value.isArray()) {
                    value.forEach(element -> documents.add(element.toString()));
                } else {
                    documents.add(value.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(ExitCodes.REFUSED, source + " is not valid JSON: " + firstLine(e.getMessage()));
        }
        return documents;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
