package dev.berth.command;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the raw value of one input (a job's runtime value or the input's default, as JSON gave it)
 * into the texts the command uses, or throws {@link IllegalArgumentException} saying what is wrong.
 * Messages never repeat a sensitive input's value: they end up in job events.
 */
final class InputValueReader {
    /** As in XNAT: values end up in shell command lines and must not smuggle in commands. */
    private static final List<String> FORBIDDEN = List.of(";", "&&", "||", "`", "(");

    private InputValueReader() {
    }

    /** The input's value, or empty when it has none (null, empty text or an empty list). */
    static Optional<InputValue> read(CommandInput input, Object raw) {
        if (raw == null || "".equals(raw)) {
            return Optional.empty();
        }
        InputType type = InputType.of(input.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown type '" + input.type() + "'"));
        List<String> parts = parts(type, input, raw);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String flag = Objects.toString(input.commandLineFlag(), "");
        String separator = input.separatorOrDefault();
        MultipleDelimiter delimiter = MultipleDelimiter.of(input.multipleDelimiter()).orElseThrow(
                () -> new IllegalArgumentException("unknown multiple-delimiter '" + input.multipleDelimiter() + "'"));
        boolean flagEach = type == InputType.SELECT_MANY && delimiter == MultipleDelimiter.FLAG;
        // With the flag delimiter the flags belong to the command line only; the bare value is the list.
        String bare = flagEach ? String.join(" ", parts) : delimiter.join(parts, flag, separator);
        String lineText = flagEach ? delimiter.join(parts, flag, separator)
                : input.hasFlag() ? flag + separator + bare : bare;
        refuseShellSyntax(input, parts, bare);
        return Optional.of(new InputValue(input, bare, lineText, parts));
    }

    private static List<String> parts(InputType type, CommandInput input, Object raw) {
        return switch (type) {
            case STRING -> List.of(scalar(input, raw));
            case NUMBER -> List.of(number(input, raw));
            case BOOLEAN -> List.of(bool(input, raw) ? input.trueValueOrDefault() : input.falseValueOrDefault());
            case SELECT_ONE -> List.of(selected(input, scalar(input, raw)));
            case SELECT_MANY -> list(input, raw).stream().map(v -> selected(input, scalar(input, v))).toList();
        };
    }

    private static String scalar(CommandInput input, Object raw) {
        if (raw instanceof List || raw instanceof Map || raw == null) {
            throw new IllegalArgumentException("expected a single value, got " + shown(input, raw));
        }
        return raw.toString();
    }

    private static String number(CommandInput input, Object raw) {
        if (raw instanceof Number || raw instanceof String) {
            try {
                BigDecimal parsed = new BigDecimal(raw.toString());
                // JSON numbers are written plainly (no 1.0E20); text is kept as the user wrote it.
                return raw instanceof Number ? parsed.toPlainString() : raw.toString();
            } catch (NumberFormatException e) {
                // falls through to the failure below
            }
        }
        throw new IllegalArgumentException("expected a number, got " + shown(input, raw));
    }

    private static boolean bool(CommandInput input, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("expected true or false, got " + shown(input, raw));
    }

    private static List<?> list(CommandInput input, Object raw) {
        if (raw instanceof List<?> values) {
            return values;
        }
        if (raw instanceof String s && s.trim().startsWith("[")) {
            try {
                return JsonStringList.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected a JSON list of strings, got " + shown(input, raw));
            }
        }
        throw new IllegalArgumentException("expected a list, got " + shown(input, raw));
    }

    private static String selected(CommandInput input, String value) {
        if (!input.selectValues().contains(value)) {
            throw new IllegalArgumentException(shown(input, value) + " is not one of " + input.selectValues());
        }
        return value;
    }

    private static void refuseShellSyntax(CommandInput input, List<String> parts, String bare) {
        for (String forbidden : FORBIDDEN) {
            if (bare.contains(forbidden) || parts.stream().anyMatch(p -> p.contains(forbidden))) {
                throw new IllegalArgumentException("value " + shown(input, bare) + " contains '" + forbidden
                        + "', which is refused because values end up in shell command lines");
            }
        }
    }

    private static String shown(CommandInput input, Object value) {
        return input.sensitiveOrDefault() ? "*****" : "'" + value + "'";
    }
}
