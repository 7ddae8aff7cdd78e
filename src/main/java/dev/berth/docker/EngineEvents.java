package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the engine's event stream for this instance's containers and calls {@code onChange} for
 * each one, so that a job that starts or exits is noticed at once rather than at the next tick.
 * Events are only a hint: the engine keeps few of them, so the periodic pass stays the truth. A
 * swarm task's container carries the service's Berth labels, so this covers both backends on a
 * single-node swarm. After a disconnect the stream resumes from the last event seen.
 */
public final class EngineEvents implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final List<Duration> SETTLE_DELAYS = List.of(Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(2));

    private final DockerClient docker;
    private final String instanceId;
    private final Runnable onChange;
    private final ScheduledExecutorService settle = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "berth-engine-events-settle");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private volatile Closeable stream;
    private long lastEventSecond;
    private Thread thread;

    public EngineEvents(String host, String instanceId, Runnable onChange) {
        // A client of its own, without a response timeout: an idle stream is not a dead engine.
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
                .connectionTimeout(Duration.ofSeconds(10)).build();
        this.docker = DockerClientImpl.getInstance(config, http);
        this.instanceId = instanceId;
        this.onChange = onChange;
    }

    public void start() {
        running = true;
        lastEventSecond = System.currentTimeMillis() / 1000;
        thread = new Thread(this::follow, "berth-engine-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (var callback = new ResultCallback.Adapter<Event>() {
                @Override
                public void onNext(Event event) {
                    lastEventSecond = Math.max(lastEventSecond, event.getTime() == null ? 0 : event.getTime());
                    LOG.debug("engine event {} for {}", event.getAction(), event.getId());
                    onChange.run();
                    if (!"start".equals(event.getAction())) {
                        lookAgainShortly();
                    }
                }
            }) {
                stream = callback;
                docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                        .withEventFilter("start", "die", "oom", "destroy")
                        .withLabelFilter(BerthLabels.ownedBy(instanceId))
                        .withSince(Long.toString(lastEventSecond)).exec(callback);
                LOG.debug("following engine events since {}", lastEventSecond);
                onChange.run(); // whatever happened while disconnected: look now
                callback.awaitCompletion();
                backoff = FIRST_BACKOFF;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                if (running) {
                    LOG.info("engine event stream broke ({}); reconnecting in {} s", e.getMessage(), backoff.toSeconds());
                }
            }
            backoff = pause(backoff);
        }
    }

    /**
     * The engine announces a container's death a moment before its listing shows it exited (seen on
     * 20.10: a pass woken by "die" still listed the container running). Looking again shortly after
     * closes that gap without waiting for the tick.
     */
    private void lookAgainShortly() {
        for (Duration delay : SETTLE_DELAYS) {
            settle.schedule(onChange, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    @Override
    public void close() throws IOException {
        running = false;
        Closeable current = stream;
        if (current != null) {
            current.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
        settle.shutdownNow();
        docker.close();
    }
}
