package dev.berth.bench;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Reads a finished container's or service's whole log, as the baselines capture it. */
final class LogText {
    private LogText() {
    }

    /** {@code request} executes docker-java's log command with the given callback. */
    static String read(Consumer<ResultCallback.Adapter<Frame>> request) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.writeBytes(frame.getPayload());
            }
        }) {
            request.accept(callback);
            callback.awaitCompletion(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
