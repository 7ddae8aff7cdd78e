package dev.berth.api;

/** Resource limits (and reservations) as a user writes them. */
public record ResourcesManifest(Double cpus, Long memoryMb, ReservationsManifest reservations) {

    public ResourcesManifest(Double cpus, Long memoryMb) {
        this(cpus, memoryMb, null);
    }
}
