package dev.berth.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.ws.rs.core.MediaType;

/**
 * One request body of the malformed-manifest fuzz: its kind (for the tally), what exactly it is, its
 * media type and its bytes. Bytes, not text, since some bodies are deliberately not UTF-8.
 */
public record ManifestBody(String kind, String detail, String mediaType, byte[] bytes) {
    public static final String JSON = MediaType.APPLICATION_JSON;
    public static final String YAML = "application/yaml";

    static ManifestBody of(String kind, String detail, String mediaType, String text) {
        return new ManifestBody(kind, detail, mediaType, text.getBytes(UTF_8));
    }

    @Override
    public String toString() {
        return kind + " (" + detail + ") as " + mediaType + ", " + bytes.length + " bytes: "
                + Texts.shorten(new String(bytes, UTF_8));
    }
}
