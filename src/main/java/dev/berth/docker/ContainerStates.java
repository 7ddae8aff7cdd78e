package dev.berth.docker;

import dev.berth.core.Phase;
import dev.berth.core.Reason;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Pure interpretation of a container's state as a job status. */
public final class ContainerStates {
    private static final Instant DOCKER_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private ContainerStates() {
    }

    /** {@code now} stands in for a finish time the engine did not record. */
    public static Observation interpret(ContainerFacts facts, Instant now) {
        Instant started = time(facts.startedAt());
        Instant finished = time(facts.finishedAt());
        boolean hasError = facts.error() != null && !facts.error().isBlank();
        return switch (facts.status()) {
            case "running", "paused", "restarting" ->
                    observed(facts, Phase.Running, Reason.Started, "running", null, started, null);
            // Berth removes a container only after recording its end: one being removed while its
            // job is live is being removed by someone else.
            case "removing" -> observed(facts, Phase.Failed, Reason.Lost, "container " + facts.id()
                    + " is being removed by someone other than Berth", null, started, finished == null ? now : finished);
            case "created" -> hasError
                    ? startFailed(facts, finished == null ? now : finished)
                    : observed(facts, Phase.Launching, Reason.Launched, "created, not started yet",
                            null, null, null);
            default -> finishedObservation(facts, started, finished == null ? now : finished, hasError);
        };
    }

    private static Observation finishedObservation(ContainerFacts facts, Instant started, Instant finished,
                                                   boolean hasError) {
        if (hasError && started == null) {
            return startFailed(facts, finished);
        }
        Integer code = facts.exitCode() == null ? null : facts.exitCode().intValue();
        if (facts.oomKilled()) {
            return observed(facts, Phase.Failed, Reason.OOMKilled,
                    "killed for running out of memory (exit code " + code + ")", code, started, finished);
        }
        if (code != null && code == 0) {
            return observed(facts, Phase.Succeeded, Reason.Completed, "exited with code 0", 0, started,
                    finished);
        }
        String message = "exited with code " + code + (hasError ? ": " + facts.error() : "");
        return observed(facts, Phase.Failed, Reason.NonZeroExit, message, code, started, finished);
    }

    private static Observation startFailed(ContainerFacts facts, Instant finished) {
        Integer code = facts.exitCode() == null || facts.exitCode() == 0 ? null : facts.exitCode().intValue();
        return observed(facts, Phase.Failed, Reason.StartFailed, "could not start: " + facts.error(), code,
                null, finished);
    }

    private static Observation observed(ContainerFacts facts, Phase phase, Reason reason, String message,
                                        Integer exitCode, Instant started, Instant finished) {
        return new Observation(phase, reason, message, exitCode, started, finished, facts.id(), null, null,
                null);
    }

    /** Docker's text time, or null for its zero time and for text it should never send. */
    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            return instant.equals(DOCKER_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
