package dev.berth.cli;

/**
 * One document of a manifest file, sent to the server as written (YAML stays YAML, so that the
 * server's strict reading and its line numbers apply to what the user wrote).
 */
record Manifest(String source, int index, int count, String text, String contentType) {
    static final String JSON = "application/json";
    static final String YAML = "application/yaml";

    /** How the server's answer names it: "x.yaml", or "x.yaml (document 2 of 3)". */
    String describe() {
        return count == 1 ? source : source + " (document " + index + " of " + count + ")";
    }
}
