package dev.berth.tes;

/** The answer to a create (tesCreateTaskResponse): the new task's id. */
public record TesCreated(String id) {
}
