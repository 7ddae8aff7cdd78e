package dev.berth.api;

import dev.berth.core.Reservations;
import dev.berth.core.Resources;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a job's {@code resources}: limits ({@code cpus}, {@code memoryMb}) and reservations
 * ({@code reservations.cpus}, {@code memoryMb}, {@code generic} counts by kind). Generic resources
 * are a swarm's; on plain containers only {@code gpu} means something (a Docker device request).
 */
final class ResourceRules {
    private static final long MIN_MEMORY_MB = 6;
    private static final long MAX_MEMORY_MB = 1024L * 1024;
    private static final double MAX_CPUS = 1024;
    private static final int MAX_GENERIC_KINDS = 16;
    private static final long MAX_GENERIC_COUNT = 1024;
    private static final Pattern KIND = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,62}[A-Za-z0-9])?");

    private ResourceRules() {
    }

    static Resources toResources(ResourcesManifest resources, boolean swarmMode, List<String> errors) {
        if (resources == null) {
            return Resources.NONE;
        }
        checkCpus("resources.cpus", resources.cpus(), errors);
        checkMemory("resources.memoryMb", resources.memoryMb(), errors);
        Reservations reservations = toReservations(resources.reservations(), swarmMode, errors);
        if (reservations != null) {
            // The engine refuses a reservation above its limit, but only at launch: say it now.
            if (reservations.cpus() != null && resources.cpus() != null && reservations.cpus() > resources.cpus()) {
                errors.add("resources.reservations.cpus must not exceed resources.cpus");
            }
            if (reservations.memoryMb() != null && resources.memoryMb() != null
                    && reservations.memoryMb() > resources.memoryMb()) {
                errors.add("resources.reservations.memoryMb must not exceed resources.memoryMb");
            }
        }
        return new Resources(resources.cpus(), resources.memoryMb(), reservations);
    }

    private static Reservations toReservations(ReservationsManifest reservations, boolean swarmMode,
                                               List<String> errors) {
        if (reservations == null) {
            return null;
        }
        checkCpus("resources.reservations.cpus", reservations.cpus(), errors);
        checkMemory("resources.reservations.memoryMb", reservations.memoryMb(), errors);
        Map<String, Long> generic = reservations.generic() == null ? Map.of() : reservations.generic();
        if (generic.size() > MAX_GENERIC_KINDS) {
            errors.add("resources.reservations.generic: at most " + MAX_GENERIC_KINDS + " kinds");
        }
        Map<String, Long> valid = new java.util.TreeMap<>();
        generic.forEach((kind, count) -> {
            String field = "resources.reservations.generic." + kind;
            if (!KIND.matcher(kind).matches()) {
                errors.add("resources.reservations.generic: " + kind + " is not a resource kind (letters, digits,"
                        + " '.', '_', '-')");
            } else if (count == null || count < 1 || count > MAX_GENERIC_COUNT) {
                errors.add(field + " must be a count from 1 to " + MAX_GENERIC_COUNT);
            } else if (!swarmMode && !kind.equals("gpu")) {
                errors.add(field + ": generic resources other than gpu need swarm mode (docker.swarmMode is false);"
                        + " on plain containers gpu becomes a device request");
            } else {
                valid.put(kind, count);
            }
        });
        return new Reservations(reservations.cpus(), reservations.memoryMb(), valid);
    }

    private static void checkCpus(String field, Double cpus, List<String> errors) {
        if (cpus != null && (cpus.isNaN() || cpus <= 0 || cpus > MAX_CPUS)) {
            errors.add(field + " must be above 0 and at most " + (int) MAX_CPUS);
        }
    }

    private static void checkMemory(String field, Long memory, List<String> errors) {
        if (memory != null && (memory < MIN_MEMORY_MB || memory > MAX_MEMORY_MB)) {
            errors.add(field + " must be between " + MIN_MEMORY_MB + " and " + MAX_MEMORY_MB);
        }
    }
}
