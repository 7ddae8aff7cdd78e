package dev.berth.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules of a command's inputs, each problem naming the input. */
final class InputChecks {
    private InputChecks() {
    }

    static List<String> check(List<CommandInput> inputs) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> inputByKey = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            CommandInput input = inputs.get(i);
            if (input.name() == null || input.name().isBlank()) {
                problems.add("input #" + (i + 1) + " has no name");
                continue;
            }
            if (!names.add(input.name())) {
                problems.add("duplicate input name '" + input.name() + "'");
            }
            String other = inputByKey.putIfAbsent(input.replacementKeyOrDefault(), input.name());
            if (other != null && !other.equals(input.name())) {
                problems.add("inputs '" + other + "' and '" + input.name() + "' share the replacement key '"
                        + input.replacementKeyOrDefault() + "'");
            }
            problems.addAll(checkOne(input));
        }
        return problems;
    }

    private static List<String> checkOne(CommandInput input) {
        List<String> problems = new ArrayList<>();
        String prefix = "input '" + input.name() + "': ";
        Optional<InputType> type = InputType.of(input.type());
        Optional<MultipleDelimiter> delimiter = MultipleDelimiter.of(input.multipleDelimiter());
        if (type.isEmpty()) {
            problems.add(prefix + "unknown type '" + input.type() + "'");
        } else if (type.get().isSelect() && input.selectValues().isEmpty()) {
            problems.add(prefix + type.get().wireName() + " needs select-values");
        }
        if (delimiter.isEmpty()) {
            problems.add(prefix + "unknown multiple-delimiter '" + input.multipleDelimiter() + "'");
        } else if (delimiter.get() == MultipleDelimiter.FLAG && !input.hasFlag()) {
            problems.add(prefix + "multiple-delimiter flag needs a command-line-flag");
        }
        if (problems.isEmpty()) {
            checkDefault(input).ifPresent(p -> problems.add(prefix + p));
        }
        return problems;
    }

    /** A default must pass the same checks as a job's value, or every job relying on it would fail. */
    private static Optional<String> checkDefault(CommandInput input) {
        try {
            InputValueReader.read(input, input.defaultValue());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("default value: " + e.getMessage());
        }
    }
}
