package dev.berth.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.JobsApi;
import dev.berth.support.Pause;
import dev.berth.support.TestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Submitting planned jobs to a Berth that stays up, and waiting for their states, each wait bounded. */
final class JobWaits {
    private JobWaits() {
    }

    /** Each submission must be accepted (201); returns the jobs' ids. */
    static Map<PlannedJob, String> submitAll(JobsApi api, List<PlannedJob> plan) {
        Map<PlannedJob, String> ids = new LinkedHashMap<>();
        plan.forEach(job -> ids.put(job, api.submitJson(job.manifest(TestEngine.IMAGE))));
        return ids;
    }

    /**
     * Returns once every one of the jobs has started (Docker gave it a start time; it may have ended
     * since); fails after the deadline.
     */
    static void awaitAllStarted(JobsApi api, Collection<String> ids, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (!ids.stream().allMatch(id -> status(api, id).hasNonNull("startedAt"))) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not all of " + ids + " started within " + deadline);
            }
            Pause.millis(100);
        }
    }

    /** The job's status once its reason is {@code reason}, or as it is at the deadline. */
    static JsonNode awaitReason(JobsApi api, String id, String reason, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        JsonNode status = status(api, id);
        while (!reason.equals(status.path("reason").asText()) && Instant.now().isBefore(end)) {
            Pause.millis(100);
            status = status(api, id);
        }
        return status;
    }

    private static JsonNode status(JobsApi api, String id) {
        return api.getJson("/jobs/" + id).path("status");
    }
}
