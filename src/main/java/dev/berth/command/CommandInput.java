package dev.berth.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One named input of a command. {@code defaultValue} is kept as whatever JSON gave (text, boolean,
 * number or list) because XNAT definitions write defaults in all of those shapes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandInput(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("type") String type,
        @JsonProperty("required") Boolean required,
        @JsonProperty("default-value") Object defaultValue,
        @JsonProperty("replacement-key") String replacementKey,
        @JsonProperty("command-line-flag") String commandLineFlag,
        @JsonProperty("command-line-separator") String commandLineSeparator,
        @JsonProperty("true-value") String trueValue,
        @JsonProperty("false-value") String falseValue,
        @JsonProperty("select-values") List<String> selectValues,
        @JsonProperty("multiple-delimiter") String multipleDelimiter,
        @JsonProperty("sensitive") Boolean sensitive,
        @JsonProperty("user-settable") Boolean userSettable) {

    public CommandInput {
        selectValues = selectValues == null ? List.of() : List.copyOf(selectValues);
    }

    /** The key to replace; an empty key would match everywhere, so it counts as absent. */
    public String replacementKeyOrDefault() {
        return replacementKey == null || replacementKey.isEmpty() ? "#" + name + "#" : replacementKey;
    }

    /** An explicitly empty separator is kept: it glues the value to the flag ({@code -fvalue}). */
    public String separatorOrDefault() {
        return commandLineSeparator == null ? " " : commandLineSeparator;
    }

    public String trueValueOrDefault() {
        return trueValue == null ? "true" : trueValue;
    }

    public String falseValueOrDefault() {
        return falseValue == null ? "false" : falseValue;
    }

    public boolean requiredOrDefault() {
        return Boolean.TRUE.equals(required);
    }

    public boolean sensitiveOrDefault() {
        return Boolean.TRUE.equals(sensitive);
    }

    boolean hasFlag() {
        return commandLineFlag != null && !commandLineFlag.isEmpty();
    }
}
