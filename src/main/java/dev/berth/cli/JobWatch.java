package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code run --wait}: shows the progress line while the job waits, follows its logs to stdout once it
 * runs (again for each retry), and gives the exit code its end calls for.
 */
final class JobWatch {
    private static final Set<String> TERMINAL = Set.of("Succeeded", "Failed", "Cancelled");
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int SERVICE_UNAVAILABLE = 503;

    private final BerthApi api;
    private final String id;
    private final Progress progress;
    private final PrintWriter err;
    private final boolean followLogs;
    private boolean queuesReadable = true;

    JobWatch(BerthApi api, String id, Progress progress, PrintWriter err, boolean followLogs) {
        this.api = api;
        this.id = id;
        this.progress = progress;
        this.err = err;
        this.followLogs = followLogs;
    }

    /** The job's exit code, or {@link ExitCodes#NO_EXIT_CODE} (with a line saying why) when it ended without one. */
    int awaitExit() {
        JsonNode job = waitUntil(JobWatch::launched);
        if (followLogs) {
            job = followEachAttempt(job);
        } else {
            job = waitUntil(JobWatch::ended);
        }
        progress.show(ProgressLine.of(job, null, Instant.now()));
        progress.done();
        return JobOutcome.exitCode(job);
    }

    /**
     * Follows the logs of each attempt that runs (a retry is a new one), until the job ends. An
     * attempt that ran and ended between two polls still has its output printed: following an
     * ended attempt gives its stored output.
     */
    private JsonNode followEachAttempt(JsonNode launched) {
        JsonNode job = launched;
        String followed = "";
        while (!attempts(job).equals(followed)) {
            String attempt = attempts(job);
            followed = attempt;
            progress.done();
            try {
                LogStream.copy(api.stream("/api/v1/jobs/" + Query.segment(id) + "/logs?follow=true"), System.out);
            } catch (ServerRefusal refusal) {
                if (refusal.status() != SERVICE_UNAVAILABLE) {
                    throw refusal;
                }
                return outputAtTheEnd();
            }
            job = waitUntil(next -> ended(next) || (launched(next) && !attempts(next).equals(attempt)));
        }
        return job;
    }

    /**
     * Every log follower of the server is taken (503): the job goes on whether or not it is
     * followed, so the client waits for its end and prints the last attempt's stored output.
     */
    private JsonNode outputAtTheEnd() {
        err.println("berth: the server's log followers are all taken: the job's output is printed when it ends");
        err.flush();
        JsonNode job = waitUntil(JobWatch::ended);
        System.out.print(api.get("/api/v1/jobs/" + Query.segment(id) + "/logs").body());
        System.out.flush();
        return job;
    }

    /** Polls the job until {@code condition} holds, showing its state at each poll. */
    private JsonNode waitUntil(Predicate<JsonNode> condition) {
        while (true) {
            JsonNode job = api.getJson("/api/v1/jobs/" + Query.segment(id));
            if (condition.test(job)) {
                return job;
            }
            progress.show(ProgressLine.of(job, queuePending(job), Instant.now()));
            pause();
        }
    }

    /** How many wait in the job's queue; unknown to a submitter, who may not read the queues (403). */
    private Integer queuePending(JsonNode job) {
        if (!queuesReadable || !"Queued".equals(Fields.text(job, "status", "reason"))) {
            return null;
        }
        try {
            for (JsonNode queue : api.getJson("/api/v1/queues")) {
                if (Fields.text(queue, "name").equals(Fields.text(job, "spec", "queue"))) {
                    return queue.path("pending").asInt();
                }
            }
        } catch (ServerRefusal forbidden) {
            queuesReadable = false;
        }
        return null;
    }

    /** Running, or past it: its output can be followed. */
    private static boolean launched(JsonNode job) {
        return !Set.of("Pending", "Launching").contains(phase(job));
    }

    private static boolean ended(JsonNode job) {
        return TERMINAL.contains(phase(job));
    }

    private static String attempts(JsonNode job) {
        return Fields.text(job, "status", "attempts");
    }

    private static String phase(JsonNode job) {
        return Fields.text(job, "status", "phase");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.REFUSED, "interrupted");
        }
    }
}
