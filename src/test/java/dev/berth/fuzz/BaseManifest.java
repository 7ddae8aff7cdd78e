package dev.berth.fuzz;

import static dev.berth.fuzz.Texts.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The valid manifest every mutation starts from, in the two shapes a mutation edits: a map for a
 * mapper to write, and members written by hand, so that a mutation may say what no mapper writes.
 *
 * <p>The image is given rather than read here, so that this package needs nothing of Berth's test
 * support (which imports the application): the fuzz generators stay a leaf the test depends on.
 */
public record BaseManifest(String image) {
    /** Every top-level field a manifest may have (docs/api.md). */
    static final List<String> FIELDS = List.of("name", "image", "workingDir", "user", "queue", "priority",
            "command", "entrypoint", "volumes", "labels", "env", "resources", "policy", "fromCommand",
            "placement", "mounts", "steps");
    private static final ObjectMapper JSON_WRITER = new ObjectMapper();
    private static final ObjectMapper YAML_WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    /** A fresh, mutable map each time, so that a mutation may change it. */
    Map<String, Object> asMap() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("image", image);
        manifest.put("command", new ArrayList<>(List.of("true")));
        manifest.put("labels", new LinkedHashMap<>(Map.of("a", "b")));
        manifest.put("env", new LinkedHashMap<>(Map.of("X", "1")));
        return manifest;
    }

    public String asJson() {
        return write(asMap(), false);
    }

    String asYaml() {
        return write(asMap(), true);
    }

    /** The same manifest as {@link #asMap()}, member by member: key and value as JSON text. */
    List<String[]> members() {
        List<String[]> members = new ArrayList<>();
        members.add(new String[] {"\"image\"", quote(image)});
        members.add(new String[] {"\"command\"", "[\"true\"]"});
        members.add(new String[] {"\"labels\"", "{\"a\": \"b\"}"});
        members.add(new String[] {"\"env\"", "{\"X\": \"1\"}"});
        return members;
    }

    /** As one JSON object (which is also a YAML flow mapping). */
    static String jsonDocument(List<String[]> members) {
        return members.stream().map(m -> m[0] + ": " + m[1]).collect(Collectors.joining(", ", "{", "}"));
    }

    /** As a YAML block mapping; keys and values keep JSON's syntax, which YAML reads as well. */
    static String yamlDocument(List<String[]> members) {
        return members.stream().map(m -> m[0] + ": " + m[1] + "\n").collect(Collectors.joining());
    }

    /** A manifest (valid or mutated) as a mapper writes it, in YAML (block style) or JSON. */
    static String write(Object manifest, boolean yaml) {
        try {
            return (yaml ? YAML_WRITER : JSON_WRITER).writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot write " + manifest, e);
        }
    }
}
