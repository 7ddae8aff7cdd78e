package dev.berth.command;

import java.util.List;

/** A command that cannot be resolved with the given values; each problem names its input or mount. */
public final class ResolutionException extends RuntimeException {
    private final List<String> problems;

    public ResolutionException(String commandName, List<String> problems) {
        super("cannot resolve command '" + commandName + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
