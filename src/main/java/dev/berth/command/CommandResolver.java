package dev.berth.command;

import dev.berth.core.Mount;
import dev.berth.core.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/** Resolves a command with a job's runtime values and host paths into what to launch (docs/commands.md). */
public final class CommandResolver {
    private static final List<String> SHELL = List.of("/bin/sh", "-c");

    private final CommandValidator validator = new CommandValidator();

    /** The resolved command; throws {@link ResolutionException} listing every problem found. */
    public ResolvedCommand resolve(CommandDefinition command, Map<String, Object> params,
            Map<String, String> mountSources) {
        List<String> problems = new ArrayList<>();
        validator.validate(command).forEach(p -> problems.add("invalid command: " + p));
        if (!problems.isEmpty()) {
            throw new ResolutionException(command.name(), problems);
        }
        Map<String, Object> given = params == null ? Map.of() : params;
        for (String name : new TreeSet<>(given.keySet())) {
            if (command.input(name).isEmpty()) {
                problems.add("input '" + name + "' is not an input of the command");
            }
        }
        Map<String, InputValue> values = readInputs(command, given, problems);
        List<Mount> mounts = MountBinder.bind(command.mounts(), mountSources == null ? Map.of() : mountSources,
                problems);
        if (!problems.isEmpty()) {
            throw new ResolutionException(command.name(), problems);
        }
        return assemble(command, values, mounts);
    }

    /** The value of every input that has one, by input name. */
    private static Map<String, InputValue> readInputs(CommandDefinition command, Map<String, Object> given,
            List<String> problems) {
        Map<String, InputValue> values = new LinkedHashMap<>();
        for (CommandInput input : command.inputs()) {
            try {
                Optional<InputValue> value = InputValueReader.read(input, given.get(input.name()))
                        .or(() -> InputValueReader.read(input, input.defaultValue()));
                value.ifPresent(v -> values.put(input.name(), v));
                if (value.isEmpty() && input.requiredOrDefault()) {
                    problems.add("input '" + input.name() + "' is required but has no value");
                }
            } catch (IllegalArgumentException e) {
                problems.add("input '" + input.name() + "': " + e.getMessage());
            }
        }
        return values;
    }

    private static ResolvedCommand assemble(CommandDefinition command, Map<String, InputValue> values,
            List<Mount> mounts) {
        Replacements forLine = replacements(command, values, InputValue::lineText);
        Replacements bare = replacements(command, values, InputValue::bare);
        String line = forLine.apply(command.commandLine());
        Map<String, String> env = new TreeMap<>();
        command.environmentVariables().forEach((name, value) -> env.put(name, bare.apply(Objects.toString(value, ""))));
        String workingDir = bare.apply(command.workingDirectory());
        List<String> secrets = values.values().stream().filter(v -> v.input().sensitiveOrDefault())
                .flatMap(v -> Stream.concat(Stream.of(v.bare()), v.parts().stream())).toList();
        Launch launch = launch(command, line);
        return new ResolvedCommand(command.image(), launch.command(), launch.entrypoint(), env,
                workingDir == null || workingDir.isEmpty() ? null : workingDir, mounts,
                new Resources(command.limitCpu(), command.limitMemory()), command.containerLabels(), line, secrets);
    }

    /** Every input's key maps to its text; an input without a value leaves nothing behind. */
    private static Replacements replacements(CommandDefinition command, Map<String, InputValue> values,
            Function<InputValue, String> text) {
        Map<String, String> textByKey = new LinkedHashMap<>();
        for (CommandInput input : command.inputs()) {
            InputValue value = values.get(input.name());
            textByKey.put(input.replacementKeyOrDefault(), value == null ? "" : text.apply(value));
        }
        return new Replacements(textByKey);
    }

    private static Launch launch(CommandDefinition command, String line) {
        if (line == null || line.isBlank()) {
            return new Launch(null, null); // nothing to run: the image's own entrypoint and command
        }
        if (command.overridesEntrypoint()) {
            return new Launch(Stream.concat(SHELL.stream(), Stream.of(line)).toList(), List.of());
        }
        try {
            return new Launch(ShellWords.split(line), null);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException(command.name(), List.of("command-line: " + e.getMessage()));
        }
    }

    private record Launch(List<String> command, List<String> entrypoint) {
    }
}
