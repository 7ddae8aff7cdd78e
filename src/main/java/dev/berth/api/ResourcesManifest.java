package dev.berth.api;

/** Resource limits as a user writes them. */
public record ResourcesManifest(Double cpus, Long memoryMb) {
}
