package dev.berth.api;

import dev.berth.core.Desired;
import dev.berth.core.JobSpec;
import dev.berth.core.Mount;
import dev.berth.core.Placement;
import dev.berth.core.Policy;
import dev.berth.core.Resources;
import dev.berth.core.StepSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule a manifest must meet, in one place. It collects all the problems of a manifest (each
 * naming its field) rather than stopping at the first, and turns a valid manifest into a spec.
 */
public final class ManifestValidator {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})?");
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}");
    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_STEPS = 16;
    private static final int MAX_VOLUMES = 16;
    private static final int MAX_LABEL_VALUE = 253;
    private static final int MAX_ARG = 4096;
    private static final int MAX_ENV_VALUE = 32768;

    private final ManifestLimits limits;
    private final MountRoots mountRoots;
    private final FromCommandRules fromCommand;

    public ManifestValidator(ManifestLimits limits) {
        this.limits = limits;
        this.mountRoots = new MountRoots(limits.allowedMountRoots());
        this.fromCommand = new FromCommandRules(mountRoots);
    }

    /** The spec of a valid manifest; otherwise throws {@link InvalidRequestException} with every problem. */
    public JobSpec toSpec(JobManifest manifest) {
        List<String> errors = new ArrayList<>();
        checkName(manifest.name(), errors);
        checkLabels(manifest.labels(), errors);
        Policy policy = PolicyRules.toPolicy(manifest.policy(), errors);
        Placement placement = PlacementRules.toPlacement(manifest.placement(), limits.swarmMode(), errors);
        String queue = QueueRules.queue(manifest.queue(), limits.queues(), errors);
        int priority = QueueRules.priority(manifest.priority(), errors);
        if (manifest.fromCommand() != null) {
            return fromCommand.toSpec(manifest, policy, placement, errors).withQueue(queue, priority);
        }
        List<StepSpec> steps = null;
        if (manifest.steps() != null) {
            List<String> inline = inlineFieldsOf(manifest);
            if (!inline.isEmpty()) {
                errors.add("steps cannot be combined with " + String.join(", ", inline)
                        + ": each step says what it runs");
            }
            steps = checkSteps(manifest.steps(), errors);
        } else {
            checkRun("", manifest.image(), manifest.command(), manifest.entrypoint(), manifest.env(),
                    manifest.workingDir(), manifest.user(), errors);
        }
        List<Mount> mounts = checkMounts(manifest.mounts(), errors);
        List<String> volumes = checkVolumes(manifest.volumes(), mounts, errors);
        Resources resources = ResourceRules.toResources(manifest.resources(), limits.swarmMode(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new JobSpec(manifest.image(), manifest.command(), manifest.entrypoint(), manifest.env(),
                manifest.workingDir(), manifest.user(), mounts, resources, policy, null, Desired.Run, steps, volumes,
                placement, queue, priority);
    }

    /** The spec in its new queue or at its new priority; throws {@link InvalidRequestException} if invalid. */
    public JobSpec requeued(JobSpec spec, QueueChange change) {
        List<String> errors = new ArrayList<>();
        if (change == null || (change.queue() == null && change.priority() == null)) {
            errors.add("the request body must name a queue, a priority, or both");
            throw new InvalidRequestException(errors);
        }
        String queue = QueueRules.queue(change.queue() != null ? change.queue() : spec.queue(), limits.queues(), errors);
        int priority = QueueRules.priority(change.priority() != null ? change.priority() : spec.priority(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return spec.withQueue(queue, priority);
    }

    /** The fields of one container: the job's own in the single-step form, each step's otherwise. */
    private void checkRun(String prefix, String image, List<String> command, List<String> entrypoint,
                          Map<String, String> env, String workingDir, String user, List<String> errors) {
        checkImage(prefix, image, errors);
        checkArgs(prefix + "command", command, errors);
        checkArgs(prefix + "entrypoint", entrypoint, errors);
        checkEnv(prefix, env, errors);
        PathRules.checkAbsolutePath(prefix + "workingDir", workingDir, errors);
        if (user != null && !USER.matcher(user).matches()) {
            errors.add(prefix + "user must be a user name or id, optionally with :group (got \"" + user + "\")");
        }
    }

    /** The single-step fields a manifest sets, in the order the manifest reference lists them. */
    private static List<String> inlineFieldsOf(JobManifest manifest) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("image", manifest.image());
        fields.put("command", manifest.command());
        fields.put("entrypoint", manifest.entrypoint());
        fields.put("env", manifest.env());
        fields.put("workingDir", manifest.workingDir());
        fields.put("user", manifest.user());
        return fields.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
    }

    private List<StepSpec> checkSteps(List<StepManifest> steps, List<String> errors) {
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            errors.add("steps: a job has 1 to " + MAX_STEPS + " steps (got " + steps.size() + ")");
            return null;
        }
        List<StepSpec> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            StepManifest step = steps.get(i);
            String prefix = "steps[" + i + "].";
            if (step == null) {
                errors.add("steps[" + i + "] must not be null");
                continue;
            }
            if (step.name() == null || step.name().isEmpty()) {
                errors.add(prefix + "name is required");
            } else if (!STEP_NAME.matcher(step.name()).matches()) {
                errors.add(prefix + "name must be 1 to 63 letters, digits, '.', '_' or '-', starting and ending"
                        + " with a letter or digit");
            } else if (!names.add(step.name())) {
                errors.add(prefix + "name \"" + step.name() + "\" is used by an earlier step: step names are unique");
            }
            checkRun(prefix, step.image(), step.command(), step.entrypoint(), step.env(), step.workingDir(),
                    step.user(), errors);
            checked.add(new StepSpec(step.name(), step.image(), step.command(), step.entrypoint(), step.env(),
                    step.workingDir(), step.user(), step.continueOnError()));
        }
        return checked;
    }

    /** Shared volumes: absolute container paths, none twice, none where a bind mount already is. */
    private static List<String> checkVolumes(List<String> volumes, List<Mount> mounts, List<String> errors) {
        if (volumes == null) {
            return null;
        }
        if (volumes.size() > MAX_VOLUMES) {
            errors.add("volumes: at most " + MAX_VOLUMES + " volumes (got " + volumes.size() + ")");
            return null;
        }
        Set<String> targets = new HashSet<>();
        mounts.forEach(m -> targets.add(Path.of(m.target()).normalize().toString()));
        for (int i = 0; i < volumes.size(); i++) {
            String field = "volumes[" + i + "]";
            String path = volumes.get(i);
            if (!PathRules.checkAbsolutePath(field, PathRules.required(path, field, errors), errors)) {
                continue;
            }
            if (Path.of(path).normalize().getNameCount() == 0) {
                errors.add(field + " must not be the container's root directory");
            } else if (!targets.add(Path.of(path).normalize().toString())) {
                errors.add(field + " " + path + " is mounted twice (by an earlier volume or a mount)");
            }
        }
        return volumes;
    }

    private static void checkName(String name, List<String> errors) {
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add("name must be 1 to 253 lower-case letters, digits, '.' or '-', starting and ending"
                    + " with a letter or digit");
        }
    }

    private void checkLabels(Map<String, String> labels, List<String> errors) {
        if (labels == null) {
            return;
        }
        if (labels.size() > limits.maxLabels()) {
            errors.add("labels: at most " + limits.maxLabels() + " labels (got " + labels.size() + ")");
        }
        labels.forEach((key, value) -> {
            if (!LABEL_KEY.matcher(key).matches()) {
                errors.add("labels: key \"" + PathRules.shorten(key) + "\" must be 1 to 63 letters, digits, '.', '_', '/'"
                        + " or '-', starting and ending with a letter or digit");
            }
            if (value == null) {
                errors.add("labels." + PathRules.shorten(key) + " must not be null");
            } else if (value.length() > MAX_LABEL_VALUE) {
                errors.add("labels." + PathRules.shorten(key) + " is longer than " + MAX_LABEL_VALUE + " characters");
            }
        });
    }

    /** What an image must look like (the engine judges the rest), as said to whoever sent another. */
    public static final String IMAGE_RULE = "image must be an image reference of at most 255 characters without spaces";

    public static boolean isImageReference(String image) {
        return image != null && IMAGE.matcher(image).matches();
    }

    private static void checkImage(String prefix, String image, List<String> errors) {
        if (image == null || image.isBlank()) {
            errors.add(prefix + "image is required");
        } else if (!isImageReference(image)) {
            errors.add(prefix + IMAGE_RULE);
        }
    }

    private void checkArgs(String field, List<String> args, List<String> errors) {
        if (args == null) {
            return;
        }
        if (args.size() > limits.maxArgs()) {
            errors.add(field + ": at most " + limits.maxArgs() + " arguments (got " + args.size() + ")");
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) == null) {
                errors.add(field + "[" + i + "] must not be null");
            } else if (args.get(i).length() > MAX_ARG) {
                errors.add(field + "[" + i + "] is longer than " + MAX_ARG + " characters");
            }
        }
    }

    private void checkEnv(String prefix, Map<String, String> env, List<String> errors) {
        if (env == null) {
            return;
        }
        if (env.size() > limits.maxEnv()) {
            errors.add(prefix + "env: at most " + limits.maxEnv() + " variables (got " + env.size() + ")");
        }
        env.forEach((key, value) -> {
            if (!ENV_KEY.matcher(key).matches()) {
                errors.add(prefix + "env: \"" + PathRules.shorten(key) + "\" is not a valid variable name");
            }
            if (value == null) {
                errors.add(prefix + "env." + PathRules.shorten(key) + " must not be null");
            } else if (value.length() > MAX_ENV_VALUE) {
                errors.add(prefix + "env." + PathRules.shorten(key) + " is longer than " + MAX_ENV_VALUE + " characters");
            }
        });
    }

    private List<Mount> checkMounts(List<MountManifest> mounts, List<String> errors) {
        if (mounts == null) {
            return List.of();
        }
        if (mounts.size() > limits.maxMounts()) {
            errors.add("mounts: at most " + limits.maxMounts() + " mounts (got " + mounts.size() + ")");
        }
        List<Mount> checked = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            MountManifest mount = mounts.get(i);
            String field = "mounts[" + i + "]";
            if (mount == null) {
                errors.add(field + " must not be null");
                continue;
            }
            boolean sourceOk = PathRules.checkAbsolutePath(field + ".source", PathRules.required(mount.source(), field + ".source", errors), errors);
            boolean targetOk = PathRules.checkAbsolutePath(field + ".target", PathRules.required(mount.target(), field + ".target", errors), errors);
            if (targetOk && Path.of(mount.target()).normalize().getNameCount() == 0) {
                errors.add(field + ".target must not be the container's root directory");
            } else if (targetOk && !targets.add(Path.of(mount.target()).normalize().toString())) {
                errors.add(field + ".target " + mount.target() + " is mounted twice");
            }
            if (sourceOk) {
                mountRoots.checkAllowed(field + ".source", mount.source(), errors);
            }
            checked.add(new Mount(mount.source(), mount.target(), Boolean.TRUE.equals(mount.readOnly())));
        }
        return checked;
    }

}
