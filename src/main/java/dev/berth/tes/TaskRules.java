package dev.berth.tes;

import dev.berth.api.JobManifest;
import dev.berth.api.MountManifest;
import dev.berth.api.PlacementManifest;
import dev.berth.api.ResourcesManifest;
import dev.berth.api.StepManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every rule a TES task must meet before Berth stores it (each problem names its field, as the
 * task spells it), and the Berth job that runs it: its executors become steps, in order; its files
 * mounts (see {@link TaskFiles}); its resources and backend parameters the job's; its tags the
 * job's labels. The job itself is then checked by Berth's own manifest rules, as any job is.
 */
public final class TaskRules {
    /** A Berth job has at most 16 steps. */
    static final int MAX_EXECUTORS = 16;
    static final int MAX_NAME = 1024;
    static final int MAX_DESCRIPTION = 65_536;
    static final int MAX_INPUTS = 128;
    static final int MAX_OUTPUTS = 128;
    static final int MAX_VOLUMES = 64;
    /** Each input, volume and output directory is a bind mount of the job. */
    public static final int MAX_MOUNTS = MAX_INPUTS + MAX_VOLUMES + MAX_OUTPUTS;
    /** TES asks for at least 128 KiB; the body limit (api.maxBodySize) bounds the whole task too. */
    static final int MAX_CONTENT_BYTES = 1024 * 1024;
    /** The keys of backend_parameters Berth knows, as service-info lists them. */
    static final List<String> BACKEND_PARAMETERS = List.of("queue", "priority");

    private final TesSettings settings;
    private final TaskFiles files;

    TaskRules(TesSettings settings) {
        this.settings = settings;
        this.files = new TaskFiles(settings);
    }

    /** A task that may be stored: the job that runs it, what to stage first, the task as kept, notes. */
    record Translation(JobManifest manifest, StagingPlan staging, TesTask stored, List<String> notes) { }

    /** The task's job; throws {@link InvalidTaskException} with every problem found. */
    Translation translate(TesTask task, String stagingKey) {
        if (task == null) {
            throw new InvalidTaskException(List.of("the request body must be a TES task"));
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (task.name() != null && task.name().length() > MAX_NAME) {
            problems.add("name is longer than " + MAX_NAME + " characters");
        }
        if (task.description() != null && task.description().length() > MAX_DESCRIPTION) {
            problems.add("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        TaskFiles.Checked files = this.files.check(task, settings.stagingOf(stagingKey), problems);
        List<StepManifest> steps = steps(task.executors(), problems);
        ResourcesManifest resources = resources(task.resources(), notes, problems);
        Map<String, String> backend = backendParameters(task.resources(), notes, problems);
        Integer priority = priority(backend, problems);
        if (!problems.isEmpty()) {
            throw new InvalidTaskException(problems);
        }
        List<MountManifest> mounts = files.mounts();
        boolean usesHostFiles = !mounts.isEmpty();
        StagingPlan plan = files.plan();
        PlacementManifest placement = settings.swarmMode() && usesHostFiles && !settings.storageConstraints().isEmpty()
                ? new PlacementManifest(settings.storageConstraints(), null) : null;
        JobManifest manifest = new JobManifest(null, task.tags(), null, null, null, null, null, null, mounts,
                resources, null, null, steps, null, placement, backend.get("queue"), priority);
        TesResources keptResources = task.resources() == null ? null
                : task.resources().withBackendParameters(backend.isEmpty() ? null : backend);
        TesTask stored = new TesTask(null, null, task.name(), task.description(), files.inputs(), files.outputs(),
                keptResources, task.executors(), task.volumes(), task.tags(), null, null);
        return new Translation(manifest, plan, stored, notes);
    }

    private List<StepManifest> steps(List<TesExecutor> executors, List<String> problems) {
        List<StepManifest> steps = new ArrayList<>();
        if (executors == null || executors.isEmpty()) {
            problems.add("executors: a task needs at least one executor");
            return steps;
        }
        if (executors.size() > MAX_EXECUTORS) {
            problems.add("executors: at most " + MAX_EXECUTORS + " (got " + executors.size() + ")");
            return steps;
        }
        for (int i = 0; i < executors.size(); i++) {
            TesExecutor executor = executors.get(i);
            String field = "executors[" + i + "]";
            if (executor == null) {
                problems.add(field + " must not be null");
                continue;
            }
            if (executor.image() == null || executor.image().isBlank()) {
                problems.add(field + ".image is required");
            }
            if (executor.command() == null || executor.command().isEmpty()) {
                problems.add(field + ".command is required (the argv to run)");
            }
            String workdir = executor.workdir() == null ? null
                    : ContainerPaths.of(executor.workdir(), field + ".workdir", problems).orElse(null);
            checkStream(executor.stdin(), field + ".stdin", problems);
            checkStream(executor.stdout(), field + ".stdout", problems);
            checkStream(executor.stderr(), field + ".stderr", problems);
            boolean redirected = StdioRedirect.wanted(executor);
            steps.add(new StepManifest(stepName(i), executor.image(), executor.command(),
                    redirected ? StdioRedirect.entrypoint(executor) : null, executor.env(), workdir, settings.user(),
                    Boolean.TRUE.equals(executor.ignoreError())));
        }
        return steps;
    }

    /** The Berth step of executor {@code index}. */
    static String stepName(int index) {
        return "executor-" + index;
    }

    /** A redirection's path, when given, is an absolute path in the container. */
    private static void checkStream(String path, String field, List<String> problems) {
        if (path != null) {
            ContainerPaths.of(path, field, problems);
        }
    }

    private static ResourcesManifest resources(TesResources resources, List<String> notes, List<String> problems) {
        if (resources == null) {
            return null;
        }
        Long memoryMb = null;
        if (resources.ramGb() != null) {
            if (resources.ramGb() <= 0 || resources.ramGb().isNaN() || resources.ramGb().isInfinite()) {
                problems.add("resources.ram_gb must be above 0 (got " + resources.ramGb() + ")");
            } else {
                memoryMb = (long) Math.ceil(resources.ramGb() * 1024);
            }
        }
        if (resources.cpuCores() != null && resources.cpuCores() <= 0) {
            problems.add("resources.cpu_cores must be at least 1 (got " + resources.cpuCores() + ")");
        }
        if (resources.diskGb() != null) {
            notes.add("resources.disk_gb is not enforced: Docker limits a container's disk only on some storage"
                    + " drivers");
        }
        if (resources.zones() != null && !resources.zones().isEmpty()) {
            notes.add("resources.zones is ignored: Berth has no zones (swarm placement is set by the server)");
        }
        Double cpus = resources.cpuCores() == null || resources.cpuCores() <= 0 ? null
                : resources.cpuCores().doubleValue();
        return cpus == null && memoryMb == null ? null : new ResourcesManifest(cpus, memoryMb);
    }

    /** The keys Berth knows (lower case), the rest refused when strict, else left out with a note. */
    private static Map<String, String> backendParameters(TesResources resources, List<String> notes,
                                                         List<String> problems) {
        Map<String, String> known = new LinkedHashMap<>();
        if (resources == null || resources.backendParameters() == null) {
            return known;
        }
        List<String> unknown = new ArrayList<>();
        resources.backendParameters().forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (BACKEND_PARAMETERS.contains(lower)) {
                known.put(lower, value);
            } else {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            String which = "backend_parameters " + String.join(", ", unknown) + " (Berth knows "
                    + String.join(", ", BACKEND_PARAMETERS) + ")";
            if (Boolean.TRUE.equals(resources.backendParametersStrict())) {
                problems.add("resources." + which + ": not supported, and backend_parameters_strict is true");
            } else {
                notes.add("resources." + which + " ignored: not supported");
            }
        }
        return known;
    }

    private static Integer priority(Map<String, String> backend, List<String> problems) {
        String value = backend.get("priority");
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            problems.add("resources.backend_parameters.priority must be a whole number (got " + value + ")");
            return null;
        }
    }
}
