package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.berth.core.Backend;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Follows a running object's output for as long as it runs. It has a client of its own, without a
 * response timeout: a job may be silent for longer than any call timeout, and that is no failure.
 */
final class LogFollower implements Closeable {
    private final DockerClient streams;

    LogFollower(DockerClient streams) {
        this.streams = streams;
    }

    /** Blocks until the output ends (the object stopped) or {@code sink} throws (the reader left). */
    void follow(Workload workload, Integer tail, Consumer<byte[]> sink) throws InterruptedException {
        try (var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    sink.accept(frame.getPayload());
                } catch (UncheckedIOException readerGone) {
                    onError(readerGone);
                }
            }
        }) {
            if (workload.backend() == Backend.SERVICE) {
                var cmd = streams.logServiceCmd(workload.objectId()).withStdout(true).withStderr(true).withFollow(true);
                (tail == null ? cmd : cmd.withTail(tail)).exec(callback);
            } else {
                var cmd = streams.logContainerCmd(workload.objectId()).withStdOut(true).withStdErr(true)
                        .withFollowStream(true);
                (tail == null ? cmd : cmd.withTail(tail)).exec(callback);
            }
            callback.awaitCompletion();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        streams.close();
    }
}
