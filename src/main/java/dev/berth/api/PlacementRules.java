package dev.berth.api;

import dev.berth.core.Placement;
import dev.berth.core.PlacementPreference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a job's {@code placement}: swarm mode only, constraints over the node attributes
 * the swarm knows with {@code ==} or {@code !=}, preferences that spread over a label.
 */
public final class PlacementRules {
    static final int MAX_CONSTRAINTS = 16;
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9._-]{0,126}[A-Za-z0-9])?";
    private static final String ATTRIBUTE = "node\\.id|node\\.hostname|node\\.role|node\\.platform\\.os"
            + "|node\\.platform\\.arch|node\\.labels\\." + LABEL + "|engine\\.labels\\." + LABEL;
    /** The characters swarmkit accepts in a constraint's value (and spaces inside it). */
    private static final String VALUE_CHARACTER = "A-Za-z0-9:_.*()?+\\[\\]\\\\^$|/-";
    private static final Pattern CONSTRAINT = Pattern.compile("(" + ATTRIBUTE + ")\\s*(==|!=)\\s*"
            + "[" + VALUE_CHARACTER + "][ " + VALUE_CHARACTER + "]{0,254}");
    private static final Pattern SPREAD = Pattern.compile("(node|engine)\\.labels\\." + LABEL);

    private PlacementRules() {
    }

    /** A valid placement; {@code swarmMode} false refuses any, since plain containers have no nodes to choose. */
    static Placement toPlacement(PlacementManifest placement, boolean swarmMode, List<String> errors) {
        if (placement == null) {
            return Placement.NONE;
        }
        if (!swarmMode) {
            errors.add("placement applies to swarm mode only, and this Berth runs plain containers"
                    + " (docker.swarmMode is false)");
            return Placement.NONE;
        }
        List<String> constraints = placement.constraints() == null ? List.of() : placement.constraints();
        int before = errors.size();
        errors.addAll(constraintProblems("placement.constraints", constraints));
        List<PlacementPreference> preferences = new ArrayList<>();
        List<PlacementManifest.PreferenceManifest> given =
                placement.preferences() == null ? List.of() : placement.preferences();
        if (given.size() > MAX_CONSTRAINTS) {
            errors.add("placement.preferences: at most " + MAX_CONSTRAINTS);
        }
        for (int i = 0; i < given.size(); i++) {
            String spread = given.get(i) == null ? null : given.get(i).spread();
            if (spread == null || !SPREAD.matcher(spread).matches()) {
                errors.add("placement.preferences[" + i + "].spread must be node.labels.NAME or engine.labels.NAME: "
                        + spread);
            } else {
                preferences.add(new PlacementPreference(spread));
            }
        }
        if (errors.size() > before) {
            return Placement.NONE; // refused anyway: nothing half-checked is built
        }
        return new Placement(constraints.stream().map(String::trim).toList(), preferences);
    }

    /** What is wrong with a list of constraints, each problem naming {@code field}[i]; empty when nothing. */
    public static List<String> constraintProblems(String field, List<String> constraints) {
        List<String> problems = new ArrayList<>();
        if (constraints.size() > MAX_CONSTRAINTS) {
            problems.add(field + ": at most " + MAX_CONSTRAINTS);
        }
        for (int i = 0; i < constraints.size(); i++) {
            String constraint = constraints.get(i);
            if (constraint == null || !CONSTRAINT.matcher(constraint.trim()).matches()) {
                problems.add(field + "[" + i + "] must be ATTRIBUTE==VALUE or ATTRIBUTE!=VALUE, where ATTRIBUTE is"
                        + " node.id, node.hostname, node.role, node.platform.os, node.platform.arch,"
                        + " node.labels.NAME or engine.labels.NAME: " + constraint);
            }
        }
        return problems;
    }
}
