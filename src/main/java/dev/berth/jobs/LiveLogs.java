package dev.berth.jobs;

import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.SensitiveValues;
import dev.berth.db.JobStore;
import dev.berth.docker.BerthLabels;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.GatewayException;
import dev.berth.docker.LogStream;
import dev.berth.docker.Workload;
import dev.berth.docker.WorkloadState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The output of a job that is still running, straight from the engine: read once, or followed. */
public class LiveLogs {
    /** How long a follower waits for a pending job to get its container before giving up. */
    private static final Duration LAUNCH_WAIT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final DockerGateway docker;
    private final JobStore store;
    private final int maxBytes;

    public LiveLogs(DockerGateway docker, JobStore store, int maxBytes) {
        this.docker = docker;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /** Empty text when the job has no object yet or the engine cannot be asked. */
    public String read(Job job) {
        try {
            return workloadOf(job).map(w -> docker.logs(w, maxBytes).text()).orElse("");
        } catch (GatewayException e) {
            return "";
        }
    }

    /**
     * Writes the job's output to {@code out} as it is produced until the job's object stops; for a
     * pending job, first waits for it to be launched. A job that finished meanwhile gets its captured
     * logs instead.
     */
    public void follow(String jobId, Integer tail, OutputStream out) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(LAUNCH_WAIT);
        Optional<Job> job = store.find(jobId);
        while (job.isPresent() && !job.get().isTerminal() && workloadOf(job.get()).isEmpty()
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
            job = store.find(jobId);
        }
        if (job.isEmpty()) {
            return;
        }
        LineMasker masker = new LineMasker(SensitiveValues.of(job.get().spec()));
        Optional<Workload> workload = workloadOf(job.get());
        if (job.get().isTerminal() || workload.isEmpty()) {
            String captured = store.logs(jobId).map(log -> log.text()).orElse("");
            out.write(masker.accept(dev.berth.core.LogText.tail(captured, tail).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } else {
            follow(job.get(), workload.get(), tail, chunk -> write(out, masker.accept(chunk)));
        }
        out.write(masker.finish());
        out.flush();
    }

    /**
     * Follows until the stream ends by itself or the attempt is over in the store (a service's
     * stream never ends by itself); then gives the last lines a moment to arrive and closes. A
     * service's task container is followed directly when this engine has it: the swarm's own log
     * stream delivers lines seconds late.
     */
    private void follow(Job job, Workload workload, Integer tail, java.util.function.Consumer<byte[]> sink)
            throws InterruptedException {
        Workload target = workload;
        String taskContainer = job.status().containerId();
        if (workload.backend() == Backend.SERVICE && taskContainer != null) {
            var container = new Workload(job.id(), workload.attempt(), Backend.CONTAINER, taskContainer,
                    workload.name(), WorkloadState.ACTIVE);
            if (docker.observe(container).isPresent()) {
                target = container; // else the task runs on another node: the swarm's stream it is
            }
        }
        try {
            followUntilOver(job, target, tail, sink);
        } catch (GatewayException e) {
            // the object went meanwhile: whatever it wrote is in the captured logs
        }
    }

    private void followUntilOver(Job job, Workload workload, Integer tail, java.util.function.Consumer<byte[]> sink)
            throws InterruptedException {
        try (LogStream stream = docker.followLogs(workload, tail, sink)) {
            while (!stream.awaitEnd(POLL)) {
                Optional<Job> now = store.find(job.id());
                if (now.isEmpty() || now.get().isTerminal() || now.get().currentAttempt() != job.currentAttempt()) {
                    stream.awaitEnd(Duration.ofSeconds(1));
                    return;
                }
            }
        }
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            if (bytes.length > 0) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException readerGone) {
            throw new UncheckedIOException(readerGone);
        }
    }

    private static Optional<Workload> workloadOf(Job job) {
        Backend backend = job.status().backend();
        String objectId = backend == Backend.SERVICE ? job.status().serviceId() : job.status().containerId();
        if (objectId == null || job.isTerminal()) {
            return Optional.empty();
        }
        return Optional.of(new Workload(job.id(), job.currentAttempt(), backend, objectId,
                BerthLabels.objectName(job.id(), job.currentAttempt()), WorkloadState.ACTIVE));
    }
}
