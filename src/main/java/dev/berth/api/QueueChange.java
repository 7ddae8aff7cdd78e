package dev.berth.api;

/** A new queue or priority for a job that waits to launch (PATCH); a field left out keeps its value. */
public record QueueChange(String queue, Integer priority) { }
