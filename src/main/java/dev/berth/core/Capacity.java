package dev.berth.core;

/**
 * An amount of CPUs and memory: what an engine's host offers jobs, or what one job takes of it.
 */
public record Capacity(double cpus, long memoryMb) {
    public static final Capacity ZERO = new Capacity(0, 0);

    /**
     * What a job takes of its engine: its limits, else its reservations (never above the limits);
     * nothing where it names neither, so a job without {@code resources} always fits.
     */
    public static Capacity takenBy(Resources resources) {
        Reservations reserved = resources.reservations();
        Double cpus = resources.cpus() != null ? resources.cpus() : reserved == null ? null : reserved.cpus();
        Long memoryMb = resources.memoryMb() != null ? resources.memoryMb()
                : reserved == null ? null : reserved.memoryMb();
        return new Capacity(cpus == null ? 0 : cpus, memoryMb == null ? 0 : memoryMb);
    }

    public Capacity plus(Capacity other) {
        return new Capacity(cpus + other.cpus, memoryMb + other.memoryMb);
    }

    public Capacity minus(Capacity other) {
        return new Capacity(cpus - other.cpus, memoryMb - other.memoryMb);
    }

    /** Whether {@code demand} fits in this much, on both counts. */
    public boolean holds(Capacity demand) {
        // A hair of slack: 0.1 + 0.2 CPUs must fit in 0.3.
        return demand.cpus <= cpus + 1e-9 && demand.memoryMb <= memoryMb;
    }

    @Override
    public String toString() {
        return cpus + " CPUs, " + memoryMb + " MB";
    }
}
