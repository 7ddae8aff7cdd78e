package dev.berth.tes;

import java.util.List;

/** A task that breaks the rules: a 400 with every problem, nothing stored or staged. */
public class InvalidTaskException extends RuntimeException {
    private final List<String> problems;

    public InvalidTaskException(List<String> problems) {
        super("invalid task: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
