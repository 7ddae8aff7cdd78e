package dev.berth.db;

/** Another job already holds the name a new job asked for. */
public class NameTakenException extends RuntimeException {
    private final String name;

    public NameTakenException(String name, Throwable cause) {
        super("a job named " + name + " already exists", cause);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
