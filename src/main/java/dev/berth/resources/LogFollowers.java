package dev.berth.resources;

import dev.berth.jobs.LiveLogs;
import jakarta.ws.rs.ServiceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.jersey.server.ChunkedOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a job's output to a client as it comes ({@code logs?follow=true}). Jersey holds a
 * StreamingOutput's bytes in its buffer (8 KiB) until the body ends, whatever the flushes, so a
 * follower saw nothing until the job had finished; a ChunkedOutput sends each chunk at once. Each
 * follower gets a thread of {@code threads}, which bounds how many there may be at a time.
 */
public final class LogFollowers {
    private static final Logger LOG = LoggerFactory.getLogger(LogFollowers.class);

    private final LiveLogs liveLogs;
    private final ExecutorService threads;

    public LogFollowers(LiveLogs liveLogs, ExecutorService threads) {
        this.liveLogs = liveLogs;
        this.threads = threads;
    }

    /** The body of a followed log; 503 when every follower thread is taken. */
    public ChunkedOutput<byte[]> follow(String jobId, Integer tail) {
        ChunkedOutput<byte[]> output = new ChunkedOutput<>(byte[].class);
        try {
            threads.execute(() -> stream(jobId, tail, output));
        } catch (RejectedExecutionException e) {
            throw new ServiceUnavailableException("too many clients are following logs; try again later", 5L);
        }
        return output;
    }

    private void stream(String jobId, Integer tail, ChunkedOutput<byte[]> output) {
        try (output) {
            liveLogs.follow(jobId, tail, new ChunksStream(output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | UncheckedIOException readerGone) {
            LOG.debug("a follower of job {} went away: {}", jobId, readerGone.getMessage());
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
