package dev.berth.tes;

import dev.berth.api.MountManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The files of a task: its volumes, inputs and outputs checked (each problem naming its field),
 * and what they become: bind mounts of the job (inputs read-only; volumes and the directories of
 * outputs shared directories of the task's staging) and the plan of what to stage on the host.
 */
final class TaskFiles {
    private final TesSettings settings;

    TaskFiles(TesSettings settings) {
        this.settings = settings;
    }

    /** A task's files as checked: the job's mounts, what to stage, the inputs (types filled in) and outputs. */
    record Checked(List<MountManifest> mounts, StagingPlan plan, List<TesInput> inputs, List<TesOutput> outputs) { }

    /** Null when there were problems (added to {@code problems}). */
    Checked check(TesTask task, Path staging, List<String> problems) {
        int before = problems.size();
        List<String> volumes = volumes(task.volumes(), problems);
        List<TesInput> inputs = checkedInputs(task.inputs(), problems);
        List<TesOutput> outputs = checkedOutputs(task.outputs(), problems);
        if (problems.size() > before) {
            return null;
        }
        SharedDirectories shared = SharedDirectories.of(volumes, outputs);
        checkInputsAgainst(shared, inputs, problems);
        if (problems.size() > before) {
            return null;
        }
        List<MountManifest> mounts = new ArrayList<>();
        for (int i = 0; i < shared.mounted().size(); i++) {
            mounts.add(new MountManifest(new SharedDirectories.Location(i, "").in(staging).toString(),
                    shared.mounted().get(i), false));
        }
        Map<Integer, String> contents = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            TesInput input = inputs.get(i);
            String source;
            if (hasContent(input)) {
                contents.put(i, input.content());
                source = staging.resolve("inputs").resolve(Integer.toString(i)).toString();
            } else {
                source = HostPaths.of(input.url(), "inputs", new ArrayList<>()).orElseThrow().toString();
            }
            mounts.add(new MountManifest(source, Path.of(input.path()).toString(), true));
        }
        // Outer directories first, so that an input inside a shared directory is mounted over it.
        mounts.sort(Comparator.comparingInt(mount -> Path.of(mount.target()).getNameCount()));
        return new Checked(mounts, new StagingPlan(contents, shared.mounted().size(), shared.nested()), inputs,
                outputs);
    }

    /**
     * A wildcard path must compile as a glob, and its path_prefix be a fixed leading part of it
     * (no wildcards), so that each match, pruned of it, lands under the output's URL.
     */
    private static void checkPattern(String field, String path, String prefix, List<String> problems) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + path);
        } catch (PatternSyntaxException e) {
            problems.add(field + ".path is not a valid pattern: " + e.getDescription());
            return;
        }
        if (prefix == null || !prefix.startsWith("/") || ContainerPaths.hasWildcard(prefix) || !path.startsWith(prefix)
                || prefix.contains("..")) {
            problems.add(field + ".path_prefix is required with wildcards in path: a leading part of path without"
                    + " wildcards (got " + prefix + ")");
        }
    }

    private static List<String> volumes(List<String> volumes, List<String> problems) {
        List<String> checked = new ArrayList<>();
        if (volumes == null) {
            return checked;
        }
        if (volumes.size() > TaskRules.MAX_VOLUMES) {
            problems.add("volumes: at most " + TaskRules.MAX_VOLUMES + " (got " + volumes.size() + ")");
            return checked;
        }
        for (int i = 0; i < volumes.size(); i++) {
            String field = "volumes[" + i + "]";
            ContainerPaths.of(volumes.get(i), field, problems).ifPresent(path -> {
                if (path.equals("/")) {
                    problems.add(field + " must not be /");
                } else {
                    checked.add(path);
                }
            });
        }
        return checked;
    }

    private static boolean hasContent(TesInput input) {
        return input.content() != null && !input.content().isEmpty();
    }

    private List<TesInput> checkedInputs(List<TesInput> inputs, List<String> problems) {
        List<TesInput> checked = new ArrayList<>();
        if (inputs == null) {
            return checked;
        }
        if (inputs.size() > TaskRules.MAX_INPUTS) {
            problems.add("inputs: at most " + TaskRules.MAX_INPUTS + " (got " + inputs.size() + ")");
            return checked;
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            TesInput input = inputs.get(i);
            String field = "inputs[" + i + "]";
            if (input == null) {
                problems.add(field + " must not be null");
                continue;
            }
            Optional<String> path = ContainerPaths.of(input.path(), field + ".path", problems);
            if (path.isPresent() && !paths.add(path.get())) {
                problems.add(field + ".path " + path.get() + " is the path of another input");
            }
            if (path.isPresent() && path.get().equals("/")) {
                problems.add(field + ".path must not be /");
            }
            if (hasContent(input)) {
                // TES: when content is given, url is ignored.
                if (input.content().getBytes(StandardCharsets.UTF_8).length > TaskRules.MAX_CONTENT_BYTES) {
                    problems.add(field + ".content is larger than " + TaskRules.MAX_CONTENT_BYTES + " bytes");
                }
                if (input.type() == TesFileType.DIRECTORY) {
                    problems.add(field + ": content makes a FILE, not a DIRECTORY");
                }
                checked.add(input.withType(TesFileType.FILE));
                continue;
            }
            Optional<Path> host = HostPaths.of(input.url(), field + ".url", problems);
            if (host.isEmpty()) {
                continue;
            }
            if (!allowed(host.get(), field + ".url", problems)) {
                continue;
            }
            if (!Files.exists(host.get())) {
                problems.add(field + ".url " + host.get() + " does not exist on the host");
                continue;
            }
            TesFileType actual = Files.isDirectory(host.get()) ? TesFileType.DIRECTORY : TesFileType.FILE;
            if (input.type() != null && input.type() != actual) {
                problems.add(field + ".type is " + input.type() + " but " + host.get() + " is a "
                        + actual.name().toLowerCase(Locale.ROOT));
                continue;
            }
            checked.add(input.withType(actual));
        }
        return checked;
    }

    private List<TesOutput> checkedOutputs(List<TesOutput> outputs, List<String> problems) {
        List<TesOutput> checked = new ArrayList<>();
        if (outputs == null) {
            return checked;
        }
        if (outputs.size() > TaskRules.MAX_OUTPUTS) {
            problems.add("outputs: at most " + TaskRules.MAX_OUTPUTS + " (got " + outputs.size() + ")");
            return checked;
        }
        for (int i = 0; i < outputs.size(); i++) {
            TesOutput output = outputs.get(i);
            String field = "outputs[" + i + "]";
            if (output == null) {
                problems.add(field + " must not be null");
                continue;
            }
            int before = problems.size();
            Optional<String> path = ContainerPaths.of(output.path(), field + ".path", problems);
            HostPaths.of(output.url(), field + ".url", problems).ifPresent(host -> allowed(host, field + ".url",
                    problems));
            if (path.isPresent() && ContainerPaths.hasWildcard(path.get())) {
                checkPattern(field, path.get(), output.pathPrefix(), problems);
            }
            if (problems.size() == before) {
                if (SharedDirectories.directoryOf(output).equals("/")) {
                    problems.add(field + ".path: an output must be in a directory other than / (Berth shares"
                            + " that directory between the executors)");
                } else {
                    checked.add(output);
                }
            }
        }
        return checked;
    }

    /** A host path of a URL must lie under docker.allowedMountRoots, and not among Berth's own staged files. */
    private boolean allowed(Path host, String field, List<String> problems) {
        if (host.startsWith(settings.workDirectory())) {
            problems.add(field + " " + host + " is inside tes.workDirectory, which holds Berth's own files");
            return false;
        }
        int before = problems.size();
        settings.allowedRoots().checkAllowed(field, host.toString(), problems);
        return problems.size() == before;
    }

    /** An input must not hide a shared directory: inputs are mounted read-only, shared directories over them. */
    private static void checkInputsAgainst(SharedDirectories shared, List<TesInput> inputs, List<String> problems) {
        for (int i = 0; i < inputs.size(); i++) {
            String path = Path.of(inputs.get(i).path()).toString();
            for (String directory : shared.mounted()) {
                if (ContainerPaths.within(directory, path)) {
                    problems.add("inputs[" + i + "].path " + path + " holds " + directory
                            + ", a volume or the directory of an output: inputs are read-only");
                }
            }
        }
    }
}
