package dev.berth.docker;

import dev.berth.core.Placement;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a backend needs to create one step of a job attempt: its deterministic name, labels,
 * spec, the attempt's shared volumes, and (swarm only) the job's placement and the node it must run
 * on, null for any.
 */
public record LaunchRequest(String name, Map<String, String> labels, ResolvedSpec spec, List<SharedVolume> volumes,
                            Placement placement, String nodeId) {

    public LaunchRequest {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        placement = placement == null ? Placement.NONE : placement;
    }

    public LaunchRequest(String name, Map<String, String> labels, ResolvedSpec spec) {
        this(name, labels, spec, List.of(), Placement.NONE, null);
    }

    /** With {@code memoryMb} as the memory limit when the spec gives none (null: as it is). */
    LaunchRequest withDefaultMemory(Long memoryMb) {
        Resources resources = spec.resources() == null ? Resources.NONE : spec.resources();
        if (memoryMb == null || resources.memoryMb() != null) {
            return this;
        }
        ResolvedSpec limited = new ResolvedSpec(spec.image(), spec.command(), spec.entrypoint(), spec.env(),
                spec.workingDir(), spec.user(), spec.mounts(),
                new Resources(resources.cpus(), memoryMb, resources.reservations()), spec.labels());
        return new LaunchRequest(name, labels, limited, volumes, placement, nodeId);
    }

    /** The labels a shared volume gets: those that say whose it is, without the step's. */
    Map<String, String> volumeLabels() {
        Map<String, String> owner = new TreeMap<>();
        for (String key : List.of(BerthLabels.MANAGED, BerthLabels.INSTANCE, BerthLabels.JOB, BerthLabels.ATTEMPT)) {
            if (labels.containsKey(key)) {
                owner.put(key, labels.get(key));
            }
        }
        return owner;
    }
}
