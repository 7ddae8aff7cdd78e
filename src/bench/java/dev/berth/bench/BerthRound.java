package dev.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Berth's side of a throughput round: N jobs POSTed at once, then done when none of them is
 * active any more and none of their containers or services is left on the engine (the baseline
 * also removes what it made). Per-job times are read afterwards, outside the timed window.
 */
final class BerthRound {
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(20);

    private final BerthApi api;
    /** Where the jobs are submitted, in turn: the one server, or every member of an instance. */
    private final List<BerthApi> submitTo;
    private final DockerClient docker;
    private final String instanceId;
    private final boolean swarm;
    private final String image;
    private final CostProbe cost;

    /** {@code cost} reads the server's counters, around each round's timed window. */
    BerthRound(BerthApi api, DockerClient docker, String instanceId, boolean swarm, String image, CostProbe cost) {
        this(List.of(api), docker, instanceId, swarm, image, cost);
    }

    /** Jobs submitted to each of {@code members} in turn; the first is asked when they are done. */
    BerthRound(List<BerthApi> members, DockerClient docker, String instanceId, boolean swarm, String image,
               CostProbe cost) {
        this.api = members.get(0);
        this.submitTo = List.copyOf(members);
        this.cost = cost;
        this.docker = docker;
        this.instanceId = instanceId;
        this.swarm = swarm;
        this.image = image;
    }

    RoundResult run(String round, int jobs) throws IOException, InterruptedException {
        return run(round, jobs, jobs, GIVE_UP_AFTER);
    }

    /**
     * With at most {@code inFlight} submissions under way at once (thousands of connections at once
     * would measure the HTTP client), giving up after {@code giveUpAfter}.
     */
    RoundResult run(String round, int jobs, int inFlight, Duration giveUpAfter)
            throws IOException, InterruptedException {
        String label = "bench.round=" + round;
        String manifest = TrivialJob.manifest(image, TrivialJob.COMMAND, Map.of("bench.round", round));
        double[] submittedAt = new double[jobs];
        List<CompletableFuture<String>> ids = new ArrayList<>();
        var submitting = new Semaphore(inFlight);
        Cost before = readCost();
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            submitting.acquire();
            submittedAt[i] = System.currentTimeMillis();
            ids.add(submitTo.get(i % submitTo.size()).submit(manifest)
                    .whenComplete((id, failure) -> submitting.release()));
        }
        CompletableFuture.allOf(ids.toArray(CompletableFuture[]::new)).join();
        long deadline = start + giveUpAfter.toNanos();
        // Light polling, since it competes with Berth and the engine for the CPU and its requests
        // count as Berth's (the baseline has no poller): Berth's API every 100 ms until no job of the
        // round is active, then the engine until the last objects are removed (Berth removes each
        // right after writing its terminal status). Polled every 50 ms with three requests a look,
        // the driver's own requests took some 20 % of the server's CPU in a profile of a round.
        while (api.anyActive(label)) {
            pause(deadline, 100, giveUpAfter);
        }
        while (objectsLeft() > 0) {
            pause(deadline, 20, giveUpAfter);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Cost spent = readCost().minus(before); // before the samples are read: those requests are the benchmark's
        List<JobSample> samples = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            samples.add(sample(ids.get(i).join(), submittedAt[i]));
        }
        return new RoundResult("berth", round, jobs, seconds, samples, spent);
    }

    private Cost readCost() throws IOException, InterruptedException {
        try {
            return cost.read();
        } catch (IOException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not read the server's counters", e);
        }
    }

    /**
     * Running: the time of the job's Running event, which Berth takes from the engine (the
     * container's StartedAt, or the swarm task's running timestamp). recordedAt comes later, from the
     * database, because the API shows Docker's finish time, not when Berth wrote it.
     */
    private JobSample sample(String id, double submittedAt) throws IOException, InterruptedException {
        JsonNode status = api.job(id).path("status");
        double running = Double.NaN;
        for (JsonNode event : api.events(id)) {
            if ("Running".equals(event.path("phase").asText())) {
                running = JobSample.millis(event.path("at").asText());
            }
        }
        return new JobSample(id, submittedAt, running, JobSample.millis(status.path("finishedAt").asText(null)),
                Double.NaN, Double.NaN, "Succeeded".equals(status.path("phase").asText()));
    }

    private int objectsLeft() {
        return swarm ? OwnObjects.berthServices(docker, instanceId) : OwnObjects.berthContainers(docker, instanceId);
    }

    private static void pause(long deadline, long millis, Duration giveUpAfter) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Berth's jobs were not all done within " + giveUpAfter.toMinutes()
                    + " min");
        }
        Thread.sleep(millis);
    }
}
