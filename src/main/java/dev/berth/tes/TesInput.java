package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A file or directory the task's executors see at {@code path} (tesInput): its content, or a host path. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TesInput(
        String name,
        String description,
        String url,
        String path,
        TesFileType type,
        String content,
        Boolean streamable) {

    /** The same input without its content (the BASIC view). */
    public TesInput withoutContent() {
        return new TesInput(name, description, url, path, type, null, streamable);
    }

    public TesInput withType(TesFileType newType) {
        return new TesInput(name, description, url, path, newType, content, streamable);
    }
}
