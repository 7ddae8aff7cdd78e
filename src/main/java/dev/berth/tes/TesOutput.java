package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A file or directory copied out of the task to {@code url} once its executors succeeded
 * (tesOutput). A {@code path} with wildcards selects several files; {@code path_prefix} is cut
 * from each before it is appended to {@code url}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TesOutput(
        String name,
        String description,
        String url,
        String path,
        String pathPrefix,
        TesFileType type) {
}
