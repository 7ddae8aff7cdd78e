package dev.berth.api;

import java.util.List;
import java.util.Map;

/** A job as a user submits it (JSON or YAML). Unknown fields are refused by the mapper, not ignored. */
public record JobManifest(
        String name,
        Map<String, String> labels,
        String image,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        String workingDir,
        String user,
        List<MountManifest> mounts,
        ResourcesManifest resources,
        PolicyManifest policy,
        FromCommandManifest fromCommand,
        List<StepManifest> steps,
        List<String> volumes,
        PlacementManifest placement,
        String queue,
        Integer priority) {

    /** A single-step manifest, as before jobs had steps. */
    public JobManifest(String name, Map<String, String> labels, String image, List<String> command,
                       List<String> entrypoint, Map<String, String> env, String workingDir, String user,
                       List<MountManifest> mounts, ResourcesManifest resources, PolicyManifest policy,
                       FromCommandManifest fromCommand) {
        this(name, labels, image, command, entrypoint, env, workingDir, user, mounts, resources, policy, fromCommand,
                null, null, null);
    }

    /** A manifest without queue or priority: the default queue, priority 0. */
    public JobManifest(String name, Map<String, String> labels, String image, List<String> command,
                       List<String> entrypoint, Map<String, String> env, String workingDir, String user,
                       List<MountManifest> mounts, ResourcesManifest resources, PolicyManifest policy,
                       FromCommandManifest fromCommand, List<StepManifest> steps, List<String> volumes,
                       PlacementManifest placement) {
        this(name, labels, image, command, entrypoint, env, workingDir, user, mounts, resources, policy, fromCommand,
                steps, volumes, placement, null, null);
    }
}
