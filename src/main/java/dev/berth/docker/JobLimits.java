package dev.berth.docker;

import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;

/**
 * What every job's container gets from the site's policy, whatever the job asks: no new privileges
 * (setuid binaries cannot raise it), at most {@code pidsLimit} processes (0: the engine's default),
 * and {@code defaultMemoryMb} as its memory limit when it gives none (null: none).
 */
public record JobLimits(boolean noNewPrivileges, long pidsLimit, Long defaultMemoryMb) {
    public static final JobLimits NONE = new JobLimits(false, 0, null);

    ResolvedSpec withDefaults(ResolvedSpec spec) {
        Resources resources = spec.resources() == null ? Resources.NONE : spec.resources();
        if (defaultMemoryMb == null || resources.memoryMb() != null) {
            return spec;
        }
        return new ResolvedSpec(spec.image(), spec.command(), spec.entrypoint(), spec.env(), spec.workingDir(),
                spec.user(), spec.mounts(), new Resources(resources.cpus(), defaultMemoryMb, resources.reservations()),
                spec.labels());
    }
}
