package dev.berth.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import dev.berth.core.CapturedLog;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the whole output of a finished container or service, keeping at most the last maxBytes. */
final class LogCapture {
    private static final Logger LOG = LoggerFactory.getLogger(LogCapture.class);

    private LogCapture() {
    }

    /** {@code start} issues the engine's log call into the given callback; an object that is gone has no logs. */
    static CapturedLog capture(String name, int maxBytes, Duration timeout, Consumer<ResultCallback.Adapter<Frame>> start) {
        LogTail tail = new LogTail(maxBytes);
        try (var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                tail.append(frame.getPayload());
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
        return tail.toCapturedLog();
    }
}
