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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the engine's event stream for this instance's containers and calls {@code onChange} for
 * each start, death and OOM kill, so that a job that starts or exits is noticed at once rather than
 * at the next tick. Not for removals: Berth removes its containers itself, and one removed behind
 * its back died first (a running one) or is found missing by the next pass.
 * Events are only a hint: the engine keeps few of them, so the periodic pass stays the truth. A
 * swarm task's container carries the service's Berth labels, so this covers both backends on a
 * single-node swarm. After a disconnect the stream resumes from the last event seen.
 */
public final class EngineEvents implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * When to look again after a death. A container's job is looked at by the first pass after its
     * death whatever the listing shows (see onDeath), so these later looks are only for a death the
     * engine's inspect still showed running. (A swarm task's state follows its container's death
     * later still; the gateway's task watch polls for it.)
     */
    private static final List<Duration> SETTLE_DELAYS = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));

    private final DockerClient docker;
    private final String instanceId;
    private final Runnable onChange;
    private final Consumer<String> onDeath;
    private final ScheduledExecutorService settle = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "berth-engine-events-settle");
        thread.setDaemon(true);
        return thread;
    });
    /** Per settle delay, when the latest look again scheduled at that delay is due (epoch ms). */
    private final long[] settleDue = new long[SETTLE_DELAYS.size()];
    private volatile boolean running;
    private volatile Closeable stream;
    private long lastEventSecond;
    private Thread thread;

    /** {@code onDeath} hears the id of each container that died, just before {@code onChange} runs for it. */
    public EngineEvents(String host, String instanceId, Consumer<String> onDeath, Runnable onChange) {
        // A client of its own, without a response timeout: an idle stream is not a dead engine.
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
                .connectionTimeout(Duration.ofSeconds(10)).build();
        this.docker = DockerClientImpl.getInstance(config, http);
        this.instanceId = instanceId;
        this.onChange = onChange;
        this.onDeath = onDeath;
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
                    boolean died = "die".equals(event.getAction());
                    if (died && event.getId() != null) {
                        onDeath.accept(event.getId());
                    }
                    onChange.run();
                    if (died || "oom".equals(event.getAction())) {
                        lookAgainShortly();
                    }
                }
            }) {
                stream = callback;
                docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                        .withEventFilter("start", "die", "oom")
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
     * closes that gap without waiting for the tick. In a burst, dies come many a second: a look
     * already due no earlier than half its delay before this one's serves this death too, so that
     * the looks do not outnumber the deaths several times over (each is a whole pass).
     */
    private synchronized void lookAgainShortly() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < SETTLE_DELAYS.size(); i++) {
            long delay = SETTLE_DELAYS.get(i).toMillis();
            if (settleDue[i] >= now + delay / 2) {
                continue;
            }
            settleDue[i] = now + delay;
            settle.schedule(onChange, delay, TimeUnit.MILLISECONDS);
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
