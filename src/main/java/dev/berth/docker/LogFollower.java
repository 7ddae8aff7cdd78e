package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.core.Backend;
import dev.berth.core.StreamName;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Follows a running object's output for as long as it runs. It has a client of its own, without a
 * response timeout: a job may be silent for longer than any call timeout, and that is no failure.
 */
final class LogFollower implements Closeable {
    private final DockerClient streams;

    LogFollower(DockerClient streams) {
        this.streams = streams;
    }

    /**
     * Starts streaming and returns at once. A container's stream ends when it stops; a service's
     * does not end by itself (the engine follows the service, not its task), so callers close it.
     */
    LogStream follow(Workload workload, Integer tail, LogSink sink) {
        // docker-java's own timed awaitCompletion closes the stream when the time is up, so the end
        // is watched with a latch of our own.
        var ended = new java.util.concurrent.CountDownLatch(1);
        var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    // A container with a TTY has one raw stream: it counts as stdout.
                    sink.accept(frame.getStreamType() == StreamType.STDERR ? StreamName.stderr : StreamName.stdout,
                            frame.getPayload());
                } catch (UncheckedIOException readerGone) {
                    onError(readerGone);
                }
            }

            @Override
            public void onComplete() {
                super.onComplete();
                ended.countDown();
            }

            @Override
            public void onError(Throwable throwable) {
                super.onError(throwable);
                ended.countDown();
            }
        };
        if (workload.backend() == Backend.SERVICE) {
            var cmd = streams.logServiceCmd(workload.objectId()).withStdout(true).withStderr(true).withFollow(true);
            (tail == null ? cmd : cmd.withTail(tail)).exec(callback);
        } else {
            var cmd = streams.logContainerCmd(workload.objectId()).withStdOut(true).withStdErr(true)
                    .withFollowStream(true);
            (tail == null ? cmd : cmd.withTail(tail)).exec(callback);
        }
        return new LogStream() {
            @Override
            public boolean awaitEnd(java.time.Duration timeout) throws InterruptedException {
                return ended.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
                try {
                    callback.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        streams.close();
    }
}
