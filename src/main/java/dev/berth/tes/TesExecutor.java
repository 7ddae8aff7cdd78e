package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** One container of a task (tesExecutor): a step of its Berth job. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TesExecutor(
        String image,
        List<String> command,
        String workdir,
        String stdin,
        String stdout,
        String stderr,
        Map<String, String> env,
        Boolean ignoreError) {
}
