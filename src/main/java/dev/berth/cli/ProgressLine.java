package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The words of the progress line for a job at {@code now}: {@code Pending (Queued 3/12)} (third to
 * launch, twelve waiting in its queue), {@code Launching}, {@code Running 00:42} (since its attempt
 * started), and at the end {@code Failed (NonZeroExit) exit 3}.
 */
record ProgressLine(String phaseAndReason, String text) {
    /** {@code queuePending} is null when unknown (a submitter may not read the queues). */
    static ProgressLine of(JsonNode job, Integer queuePending, Instant now) {
        JsonNode status = job.path("status");
        String phase = Fields.text(status, "phase");
        String reason = Fields.text(status, "reason");
        return new ProgressLine(phase + " " + reason, text(job, phase, reason, queuePending, now));
    }

    private static String text(JsonNode job, String phase, String reason, Integer queuePending, Instant now) {
        JsonNode status = job.path("status");
        return switch (phase) {
            case "Pending" -> "Pending (" + reason + waiting(status, queuePending, now) + ")";
            case "Running" -> "Running" + since(runningSince(job), now);
            case "Succeeded", "Failed", "Cancelled" -> phase + " (" + reason + ")"
                    + (Fields.text(status, "exitCode").isEmpty() ? "" : " exit " + Fields.text(status, "exitCode"));
            default -> phase;
        };
    }

    private static String waiting(JsonNode status, Integer queuePending, Instant now) {
        String position = Fields.text(status, "queuePosition");
        if (!position.isEmpty()) {
            return " " + position + (queuePending == null ? "" : "/" + queuePending);
        }
        String nextAttempt = Fields.text(status, "nextAttemptAt");
        return nextAttempt.isEmpty() ? ""
                : ", next attempt in " + Durations.clock(Duration.between(now, Instant.parse(nextAttempt)));
    }

    /** The latest attempt's start (a retry starts the clock again), else the job's first. */
    private static String runningSince(JsonNode job) {
        JsonNode attempts = job.path("attempts");
        String attemptStart = attempts.isEmpty() ? "" : Fields.text(attempts.get(attempts.size() - 1), "startedAt");
        return attemptStart.isEmpty() ? Fields.text(job, "status", "startedAt") : attemptStart;
    }

    private static String since(String start, Instant now) {
        return start.isEmpty() ? "" : " " + Durations.clock(Duration.between(Instant.parse(start), now));
    }
}
