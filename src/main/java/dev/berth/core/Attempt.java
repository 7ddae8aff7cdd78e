package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of a job: its steps, run one after another, and how the run went. {@code nodeId} (and
 * {@code nodeHostname}) is the node of its first step (every later step runs there too); {@code exitCode} is the failing step's,
 * or 0 once every step that counts has succeeded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attempt(
        int number,
        Phase phase,
        Reason reason,
        String message,
        Backend backend,
        String nodeId,
        String nodeHostname,
        Instant startedAt,
        Instant finishedAt,
        Integer exitCode,
        List<Step> steps) {

    public Attempt {
        steps = List.copyOf(steps);
    }

    /** A new attempt, launching, with every step waiting. */
    public static Attempt launching(int number, Backend backend, List<String> stepNames, String message) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepNames.size(); i++) {
            steps.add(Step.waiting(i, stepNames.get(i)));
        }
        return new Attempt(number, Phase.Launching, Reason.Launched, message, backend, null, null, null, null, null,
                steps);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return phase.isTerminal();
    }

    /** The first step that has not ended: the one running, or the next to launch. */
    public Optional<Step> currentStep() {
        return steps.stream().filter(step -> !step.isTerminal()).findFirst();
    }

    public Step step(int index) {
        return steps.get(index);
    }

    public Attempt withStep(Step step) {
        List<Step> all = new ArrayList<>(steps);
        all.set(step.index(), step);
        return new Attempt(number, phase, reason, message, backend, nodeId, nodeHostname, startedAt, finishedAt,
                exitCode, all);
    }

    public Attempt withPhase(Phase newPhase, Reason newReason, String newMessage) {
        return new Attempt(number, newPhase, newReason, newMessage, backend, nodeId, nodeHostname, startedAt,
                finishedAt, exitCode, steps);
    }

    /** The first start and node are kept: they are the attempt's, whatever later steps do. */
    public Attempt withStart(Instant start, String node, String hostname) {
        boolean nodeKnown = nodeId != null;
        return new Attempt(number, phase, reason, message, backend, nodeKnown ? nodeId : node,
                nodeKnown ? nodeHostname : hostname, startedAt != null ? startedAt : start, finishedAt, exitCode, steps);
    }

    public Attempt withEnd(Integer newExitCode, Instant newFinishedAt) {
        return new Attempt(number, phase, reason, message, backend, nodeId, nodeHostname, startedAt, newFinishedAt,
                newExitCode, steps);
    }

    /** Every step that has not ended is marked as never run, for the given cause. */
    public Attempt withRestSkipped(Reason cause, String why) {
        List<Step> all = steps.stream()
                .map(step -> step.isTerminal() ? step : step.withPhase(Phase.Skipped, cause, why))
                .toList();
        return new Attempt(number, phase, reason, message, backend, nodeId, nodeHostname, startedAt, finishedAt,
                exitCode, all);
    }
}
