package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The desired job: written only by the API, immutable once accepted (but for {@code desired}).
 * What runs is one of: the inline fields (image, command, ...), which make one step named
 * {@code main}; {@code steps}, run one after another; or {@code fromCommand}, one step too.
 * {@code volumes} are container paths, each backed by a volume of the attempt mounted in every step.
 * {@code placement} says where on a swarm it may run (null: anywhere).
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
        Desired desired,
        List<StepSpec> steps,
        List<String> volumes,
        Placement placement,
        String queue,
        Integer priority) {

    /** The name of the one step of a job written in the single-step form (or from a command). */
    public static final String MAIN_STEP = "main";
    /** The queue of a job that names none; every configuration has it. */
    public static final String DEFAULT_QUEUE = "default";

    public JobSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = SortedMaps.copyOf(env);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        resources = resources == null ? Resources.NONE : resources;
        desired = desired == null ? Desired.Run : desired;
        policy = policy == null ? Policy.DEFAULT : policy;
        steps = steps == null || steps.isEmpty() ? null : List.copyOf(steps);
        volumes = volumes == null || volumes.isEmpty() ? null : List.copyOf(volumes);
        placement = placement == null || placement.isEmpty() ? null : placement;
        queue = queue == null ? DEFAULT_QUEUE : queue;
        priority = priority == null ? 0 : priority;
    }

    /** A spec of the current form in the default queue at priority 0. */
    public JobSpec(String image, List<String> command, List<String> entrypoint, Map<String, String> env,
                   String workingDir, String user, List<Mount> mounts, Resources resources, Policy policy,
                   FromCommand fromCommand, Desired desired, List<StepSpec> steps, List<String> volumes,
                   Placement placement) {
        this(image, command, entrypoint, env, workingDir, user, mounts, resources, policy, fromCommand, desired,
                steps, volumes, placement, null, null);
    }

    /** A single-step spec, as the previous release stored every job. */
    public JobSpec(String image, List<String> command, List<String> entrypoint, Map<String, String> env,
                   String workingDir, String user, List<Mount> mounts, Resources resources, Policy policy,
                   FromCommand fromCommand, Desired desired) {
        this(image, command, entrypoint, env, workingDir, user, mounts, resources, policy, fromCommand, desired,
                null, null, null);
    }

    public JobSpec withFromCommand(FromCommand pinned) {
        return new JobSpec(image, command, entrypoint, env, workingDir, user, mounts, resources, policy, pinned,
                desired, steps, volumes, placement, queue, priority);
    }

    public JobSpec withDesired(Desired newDesired) {
        return new JobSpec(image, command, entrypoint, env, workingDir, user, mounts, resources, policy,
                fromCommand, newDesired, steps, volumes, placement, queue, priority);
    }

    /** The same job in another queue or at another priority (while it waits to launch). */
    public JobSpec withQueue(String newQueue, int newPriority) {
        return new JobSpec(image, command, entrypoint, env, workingDir, user, mounts, resources, policy,
                fromCommand, desired, steps, volumes, placement, newQueue, newPriority);
    }

    /** Every step, in order: the single-step form is one step named main. */
    public List<StepSpec> stepSpecs() {
        if (steps != null) {
            return steps;
        }
        return List.of(new StepSpec(MAIN_STEP, image, command, entrypoint, env, workingDir, user, null));
    }

    public List<String> stepNames() {
        return stepSpecs().stream().map(StepSpec::name).toList();
    }

    /** Where on a swarm the job may run; none said: anywhere. */
    public Placement placementOrNone() {
        return placement == null ? Placement.NONE : placement;
    }

    /** The shared volumes' container paths; none when the job has none. */
    public List<String> volumePaths() {
        return volumes == null ? List.of() : volumes;
    }
}
