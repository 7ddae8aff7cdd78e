package dev.berth.crash;

import dev.berth.support.JobsApi;
import dev.berth.support.Pause;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Submits jobs to a Berth that may be killed at any moment, as a careful client would: a request
 * that got no answer is sent again until one comes. The job's name makes that safe: 201 stores it,
 * 200 says an earlier try was stored though its answer was lost.
 */
final class PersistentSubmitter {
    private final JobsApi api;
    private final String image;
    private final AtomicInteger stored = new AtomicInteger();
    private int foundStoredOnRetry;

    PersistentSubmitter(JobsApi api, String image) {
        this.api = api;
        this.image = image;
    }

    /** The job's id, once Berth has answered that it holds the job. */
    String submit(PlannedJob job, Instant deadline) {
        boolean retried = false;
        while (Instant.now().isBefore(deadline)) {
            try (var response = api.submit(job.manifest(image), MediaType.APPLICATION_JSON)) {
                String body = response.readEntity(String.class);
                if (response.getStatus() != 201 && response.getStatus() != 200) {
                    throw new AssertionError("submitting " + job.name() + ": " + response.getStatus() + " " + body);
                }
                foundStoredOnRetry += retried && response.getStatus() == 200 ? 1 : 0;
                stored.incrementAndGet();
                return JobsApi.read(body).get("id").asText();
            } catch (ProcessingException berthDown) {
                retried = true;
                Pause.millis(100);
            }
        }
        throw new AssertionError("Berth did not accept " + job.name() + " before the deadline");
    }

    /** How many jobs Berth has acknowledged so far (read by the thread that kills Berth). */
    int stored() {
        return stored.get();
    }

    /** Retries that found the job already stored: kills that fell between the store and the answer. */
    int foundStoredOnRetry() {
        return foundStoredOnRetry;
    }
}
