package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One step of a multi-step job as its author wrote it. {@code continueOnError}: the next step runs
 * even when this one fails, and its failure does not fail the attempt.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepSpec(
        String name,
        String image,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        String workingDir,
        String user,
        Boolean continueOnError) {

    public StepSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = SortedMaps.copyOf(env);
    }

    public boolean continuesOnError() {
        return Boolean.TRUE.equals(continueOnError);
    }
}
