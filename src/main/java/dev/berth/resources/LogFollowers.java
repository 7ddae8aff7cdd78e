package dev.berth.resources;

import dev.berth.docker.DockerGateway;
import dev.berth.jobs.LiveLogs;
import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.ServiceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ChunkedOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a job's output to a client as it comes ({@code logs?follow=true}). Jersey holds a
 * StreamingOutput's bytes in its buffer (8 KiB) until the body ends, whatever the flushes, so a
 * follower saw nothing until the job had finished; a ChunkedOutput sends each chunk at once. Each
 * follower has a thread of its own and one connection to the engine, so there may be at most
 * {@link DockerGateway#MAX_LOG_FOLLOWERS} at a time. A client that goes away is noticed at the next
 * write: until the job writes again or ends, its follower keeps its place.
 */
public final class LogFollowers implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(LogFollowers.class);

    private final LiveLogs liveLogs;
    private final ThreadPoolExecutor threads;

    public LogFollowers(LiveLogs liveLogs) {
        this.liveLogs = liveLogs;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, DockerGateway.MAX_LOG_FOLLOWERS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> new Thread(task, "berth-log-follower-" + count.incrementAndGet()));
    }

    /**
     * The body of a followed log: every step of the running attempt, or only the step of index
     * {@code step} when it is not null; 503 when every follower's place is taken.
     */
    public ChunkedOutput<byte[]> follow(String jobId, Integer tail, Integer step) {
        ChunkedOutput<byte[]> output = new ChunkedOutput<>(byte[].class);
        try {
            threads.execute(() -> stream(jobId, tail, step, output));
        } catch (RejectedExecutionException e) {
            throw new ServiceUnavailableException("too many clients are following logs; try again later", 5L);
        }
        return output;
    }

    /** Followers are interrupted at shutdown: a job may run for hours, and they would hold the stop. */
    @Override
    public void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void stream(String jobId, Integer tail, Integer step, ChunkedOutput<byte[]> output) {
        try (output) {
            if (step == null) {
                liveLogs.follow(jobId, tail, new ChunksStream(output));
            } else {
                liveLogs.followStep(jobId, step, tail, new ChunksStream(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | UncheckedIOException readerGone) {
            LOG.debug("a follower of job {} went away: {}", jobId, readerGone.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("following the logs of job {} failed; the stream ends here", jobId, e);
        }
    }

    /** Every write is one chunk, sent at once. */
    private static final class ChunksStream extends OutputStream {
        private final ChunkedOutput<byte[]> output;

        ChunksStream(ChunkedOutput<byte[]> output) {
            this.output = output;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > 0) {
                output.write(Arrays.copyOfRange(bytes, offset, offset + length));
            }
        }
    }
}
