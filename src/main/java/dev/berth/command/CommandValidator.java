package dev.berth.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every rule a command definition must meet; all problems are returned, each naming what it is about. */
public final class CommandValidator {
    /** The width of the version column. */
    private static final int MAX_VERSION_LENGTH = 128;

    /** The problems of the definition; empty when it is valid. */
    public List<String> validate(CommandDefinition command) {
        List<String> problems = new ArrayList<>();
        CommandNames.problem(command.name()).ifPresent(problems::add);
        if (command.version() != null && command.version().length() > MAX_VERSION_LENGTH) {
            problems.add("version must be at most " + MAX_VERSION_LENGTH + " characters, not " + command.version().length());
        }
        if (isBlank(command.image())) {
            problems.add("image is required");
        }
        if (!CommandDefinition.DOCKER.equals(command.typeOrDefault())) {
            problems.add("type '" + command.type() + "' is not supported: only 'docker'");
        }
        problems.addAll(InputChecks.check(command.inputs()));
        problems.addAll(checkMounts(command.mounts()));
        checkPositive("reserve-memory", command.reserveMemory(), problems);
        checkPositive("limit-memory", command.limitMemory(), problems);
        checkPositive("limit-cpu", command.limitCpu(), problems);
        return problems;
    }

    private static List<String> checkMounts(List<CommandMount> mounts) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            CommandMount mount = mounts.get(i);
            String label = isBlank(mount.name()) ? "mount #" + (i + 1) : "mount '" + mount.name() + "'";
            if (isBlank(mount.name())) {
                problems.add(label + " has no name");
            } else if (!names.add(mount.name())) {
                problems.add("duplicate mount name '" + mount.name() + "'");
            }
            if (isBlank(mount.path())) {
                problems.add(label + " has no path");
            } else if (!mount.path().startsWith("/")) {
                problems.add(label + ": path '" + mount.path() + "' is not absolute");
            }
        }
        return problems;
    }

    private static void checkPositive(String field, Number value, List<String> problems) {
        if (value != null && value.doubleValue() <= 0) {
            problems.add(field + " must be positive (got " + value + ")");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
