package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a field of the server's JSON by its path; a field left out (Berth omits what is not known yet) reads as "". */
final class Fields {
    private Fields() {
    }

    static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String name : path) {
            at = at.path(name);
        }
        return at.isMissingNode() || at.isNull() ? "" : at.asText();
    }
}
