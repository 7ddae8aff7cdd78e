package dev.berth.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A directory the command expects at {@code path} in its container; the job names its host path. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandMount(String name, String path, boolean writable) {

    /**
     * XNAT writes {@code writable} as a boolean or as the strings "true"/"false"; the application's
     * strict mapper would refuse the strings, so the value is read raw and converted here.
     */
    @JsonCreator
    static CommandMount fromJson(@JsonProperty("name") String name, @JsonProperty("path") String path,
            @JsonProperty("writable") Object writable) {
        return new CommandMount(name, path, writable(name, writable));
    }

    private static boolean writable(String name, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("mount '" + name + "': writable must be true or false, not " + value);
    }
}
