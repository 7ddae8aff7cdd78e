package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The desired job: written only by the API, immutable once accepted. Either the inline fields
 * (image, command, ...) or {@code fromCommand} say what runs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(
        String image,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        String workingDir,
        String user,
        List<Mount> mounts,
        Resources resources,
        Policy policy,
        FromCommand fromCommand,
        Desired desired) {

    public JobSpec withFromCommand(FromCommand pinned) {
        return new JobSpec(image, command, entrypoint, env, workingDir, user, mounts, resources, policy, pinned,
                desired);
    }

    public JobSpec withDesired(Desired newDesired) {
        return new JobSpec(image, command, entrypoint, env, workingDir, user, mounts, resources, policy,
                fromCommand, newDesired);
    }

    public JobSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = SortedMaps.copyOf(env);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        resources = resources == null ? Resources.NONE : resources;
        desired = desired == null ? Desired.Run : desired;
        policy = policy == null ? Policy.DEFAULT : policy;
    }
}
