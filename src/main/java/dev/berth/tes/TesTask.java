package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A TES task (tesTask of TES v1.1), as a client sends it and as Berth shows it. On create the
 * server's fields ({@code id}, {@code state}, {@code logs}, {@code creation_time}) are ignored, as
 * is any field TES 1.1 does not define (a newer client's), so that engines built for later versions
 * can still submit.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TesTask(
        String id,
        TesState state,
        String name,
        String description,
        List<TesInput> inputs,
        List<TesOutput> outputs,
        TesResources resources,
        List<TesExecutor> executors,
        List<String> volumes,
        Map<String, String> tags,
        List<TesTaskLog> logs,
        String creationTime) {

    /** Only what the MINIMAL view shows. */
    public static TesTask minimal(String id, TesState state) {
        return new TesTask(id, state, null, null, null, null, null, null, null, null, null, null);
    }

    /** The task as submitted, shown with the server's fields. */
    public TesTask shown(String newId, TesState newState, List<TesTaskLog> newLogs, String newCreationTime) {
        return new TesTask(newId, newState, name, description, inputs, outputs, resources, executors, volumes, tags,
                newLogs, newCreationTime);
    }

    /** The same task with its inputs and resources as stored (see {@link TaskRules}). */
    public TesTask with(List<TesInput> newInputs, TesResources newResources) {
        return new TesTask(id, state, name, description, newInputs, outputs, newResources, executors, volumes, tags,
                logs, creationTime);
    }
}
