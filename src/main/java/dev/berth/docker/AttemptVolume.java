package dev.berth.docker;

/** A shared volume on the engine and the job attempt it was made for. */
public record AttemptVolume(String name, String jobId, int attempt) {
}
