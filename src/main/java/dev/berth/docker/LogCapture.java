package dev.berth.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.core.StepOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole output of a container or service, stdout and stderr apart (the engine tags each
 * frame with its stream), keeping at most the last maxBytes of each.
 */
final class LogCapture {
    private static final Logger LOG = LoggerFactory.getLogger(LogCapture.class);

    private LogCapture() {
    }

    /** {@code start} issues the engine's log call into the given callback; an object that is gone has no logs. */
    static StepOutput capture(String name, int maxBytes, Duration timeout, Consumer<ResultCallback.Adapter<Frame>> start) {
        LogTail stdout = new LogTail(maxBytes);
        LogTail stderr = new LogTail(maxBytes);
        try (var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                // A container with a TTY has one raw stream: it counts as stdout.
                (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(frame.getPayload());
            }
        }) {
            start.accept(callback);
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineUnavailableException("logs of " + name + " took over " + timeout, null);
            }
        } catch (NotFoundException gone) {
            LOG.debug("{} is gone: no logs to read", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while reading logs", e);
        } catch (IOException e) {
            LOG.debug("closing the log stream of {} failed", name, e);
        }
        return new StepOutput(stdout.toCapturedLog(), stderr.toCapturedLog());
    }
}
