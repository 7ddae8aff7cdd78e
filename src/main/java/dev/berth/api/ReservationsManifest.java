package dev.berth.api;

import java.util.Map;

/** {@code resources.reservations} as a user writes it. */
public record ReservationsManifest(Double cpus, Long memoryMb, Map<String, Long> generic) {
}
