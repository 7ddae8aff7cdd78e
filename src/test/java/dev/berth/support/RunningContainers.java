package dev.berth.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How many of an instance's containers ran at once, from the engine's own start and die events
 * (in both modes: a swarm task's container carries its service's Berth labels), and in what order
 * the jobs started: evidence of Berth's limits that does not depend on Berth's records.
 */
public final class RunningContainers implements Closeable {
    private final EventStream stream = new EventStream(this::record);
    /** Each start and die, in the engine's order: the job id and +1 or -1. */
    private final List<Map.Entry<String, Integer>> changes = new ArrayList<>();

    private RunningContainers() {
    }

    /** From {@code since} on (the engine replays the second before, so count only the jobs you name). */
    public static RunningContainers of(DockerClient docker, String instanceId, Instant since) {
        var counter = new RunningContainers();
        docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withEventFilter("start", "die")
                .withLabelFilter(Map.of("berth.managed", "true", "berth.instance", instanceId))
                .withSince(Long.toString(since.getEpochSecond() - 1)).exec(counter.stream);
        return counter;
    }

    /** The most containers of these jobs that ran at once. */
    public synchronized int mostAtOnce(Collection<String> jobs) {
        assertUnbroken();
        int running = 0;
        int most = 0;
        for (var change : changes) {
            if (jobs.contains(change.getKey())) {
                running += change.getValue();
                most = Math.max(most, running);
            }
        }
        return most;
    }

    /** These jobs in the order their containers started. */
    public synchronized List<String> startOrder(Collection<String> jobs) {
        assertUnbroken();
        return changes.stream().filter(c -> c.getValue() > 0 && jobs.contains(c.getKey())).map(Map.Entry::getKey)
                .toList();
    }

    /** Waits until a container of each of these jobs has started and died (all their events are in). */
    public void awaitEnded(Collection<String> jobs, java.time.Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            synchronized (this) {
                long died = changes.stream().filter(c -> c.getValue() < 0 && jobs.contains(c.getKey()))
                        .map(Map.Entry::getKey).distinct().count();
                if (died == jobs.size()) {
                    return;
                }
            }
            Pause.millis(200);
        }
        throw new AssertionError("not every one of " + jobs + " had a container start and die within " + deadline);
    }

    private synchronized void record(Event event) {
        String job = event.getActor().getAttributes().get("berth.job");
        changes.add(Map.entry(job == null ? "" : job, "start".equals(event.getAction()) ? 1 : -1));
    }

    private void assertUnbroken() {
        stream.assertUnbroken();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
