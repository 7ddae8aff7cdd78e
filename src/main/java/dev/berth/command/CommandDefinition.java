package dev.berth.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.core.SortedMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command in the XNAT Container Service format. XNAT-only parts ({@code xnat} wrappers, {@code
 * outputs}, ...) are accepted and skipped so that existing definitions load unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandDefinition(
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("description") String description,
        @JsonProperty("label") String label,
        @JsonProperty("info-url") String infoUrl,
        @JsonProperty("schema-version") String schemaVersion,
        @JsonProperty("type") String type,
        @JsonProperty("image") String image,
        @JsonProperty("command-line") String commandLine,
        @JsonProperty("override-entrypoint") Boolean overrideEntrypoint,
        @JsonProperty("working-directory") String workingDirectory,
        @JsonProperty("environment-variables") Map<String, String> environmentVariables,
        @JsonProperty("container-labels") Map<String, String> containerLabels,
        @JsonProperty("ports") Map<String, String> ports,
        @JsonProperty("mounts") List<CommandMount> mounts,
        @JsonProperty("inputs") List<CommandInput> inputs,
        @JsonProperty("reserve-memory") Long reserveMemory,
        @JsonProperty("limit-memory") Long limitMemory,
        @JsonProperty("limit-cpu") Double limitCpu) {

    public static final String DOCKER = "docker";

    public CommandDefinition {
        environmentVariables = SortedMaps.copyOf(environmentVariables);
        containerLabels = SortedMaps.copyOf(containerLabels);
        ports = SortedMaps.copyOf(ports);
        // Null entries (a stray "null" in a JSON list) carry nothing to run, so they are dropped.
        mounts = mounts == null ? List.of() : mounts.stream().filter(Objects::nonNull).toList();
        inputs = inputs == null ? List.of() : inputs.stream().filter(Objects::nonNull).toList();
    }

    public String typeOrDefault() {
        return type == null ? DOCKER : type;
    }

    public boolean overridesEntrypoint() {
        return Boolean.TRUE.equals(overrideEntrypoint);
    }

    public Optional<CommandInput> input(String inputName) {
        return inputs.stream().filter(i -> Objects.equals(i.name(), inputName)).findFirst();
    }

    public Optional<CommandMount> mount(String mountName) {
        return mounts.stream().filter(m -> Objects.equals(m.name(), mountName)).findFirst();
    }
}
