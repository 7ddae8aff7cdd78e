package dev.berth.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Counts, from the engine's own event stream, the objects created and removed for each job attempt:
 * evidence of what Berth did that does not depend on Berth's records. Containers are matched by the
 * run's berth.instance label. Service events carry no labels at all (the engine's label filter drops
 * every one of them), so services are matched by Berth's deterministic names instead.
 */
public final class ObjectEvents implements Closeable {
    private final String removal;
    private final Function<Event, Optional<AttemptStep>> attemptOf;
    private final Map<AttemptStep, Integer> created = new ConcurrentHashMap<>();
    private final Map<String, List<Creation>> createdBy = new ConcurrentHashMap<>();
    private final Map<AttemptStep, Instant> removed = new ConcurrentHashMap<>();
    private final EventStream stream = new EventStream(this::record);

    private ObjectEvents(String removal, Function<Event, Optional<AttemptStep>> attemptOf) {
        this.removal = removal;
        this.attemptOf = attemptOf;
    }

    /** Containers carrying {@code instanceId}'s label, from {@code since} on. */
    public static ObjectEvents containers(DockerClient docker, String instanceId, Instant since) {
        var events = new ObjectEvents("destroy", e -> AttemptStep.fromLabels(e.getActor().getAttributes()));
        return events.follow(docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(Map.of("berth.managed", "true", "berth.instance", instanceId)), since);
    }

    /** Services named as Berth names them, from {@code since} on: other runs' too, so filter by job. */
    public static ObjectEvents services(DockerClient docker, Instant since) {
        var events = new ObjectEvents("remove", e -> AttemptStep.fromName(e.getActor().getAttributes().get("name")));
        return events.follow(docker.eventsCmd().withEventTypeFilter(EventType.SERVICE), since);
    }

    private ObjectEvents follow(EventsCmd command, Instant since) {
        // Since the second before: the engine replays what it saw while the subscription was being made.
        command.withEventFilter("create", removal).withSince(Long.toString(since.getEpochSecond() - 1)).exec(stream);
        return this;
    }

    /**
     * The objects the process named {@code member} (their berth.member label) created after
     * {@code after}, by the engine's clock.
     */
    public List<Creation> createdBy(String member, Instant after) {
        return createdBy.getOrDefault(member, List.of()).stream().filter(c -> c.at().isAfter(after)).toList();
    }

    /** One object's create event: its name and the engine's time. */
    public record Creation(String name, Instant at) {
        @Override
        public String toString() {
            return name + " at " + at;
        }
    }

    /** How many objects were created per job attempt. */
    public Map<AttemptStep, Integer> created() {
        assertUnbroken();
        return Map.copyOf(created);
    }

    /** When the engine removed the attempt's object (its event time), if it did. */
    public Optional<Instant> removedAt(AttemptStep attempt) {
        return Optional.ofNullable(removed.get(attempt));
    }

    /**
     * Events arrive in order, so once every created object's removal has been seen, every creation
     * before it has been seen too: only then are the counts complete.
     */
    public void awaitRemovalOfEverythingCreated(Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (!notRemoved().isEmpty() && Instant.now().isBefore(end)) {
            assertUnbroken();
            Pause.millis(200);
        }
        if (!notRemoved().isEmpty()) {
            throw new AssertionError("created but never removed within " + deadline + ": " + notRemoved());
        }
    }

    public Set<AttemptStep> notRemoved() {
        Set<AttemptStep> left = new HashSet<>(created.keySet());
        left.removeAll(removed.keySet());
        return left;
    }

    private void assertUnbroken() {
        stream.assertUnbroken();
    }

    private void record(Event event) {
        attemptOf.apply(event).ifPresent(attempt -> {
            if ("create".equals(event.getAction())) {
                created.merge(attempt, 1, Integer::sum);
                String member = event.getActor().getAttributes().get("berth.member");
                if (member != null) {
                    createdBy.computeIfAbsent(member, m -> new CopyOnWriteArrayList<>()).add(new Creation(
                            event.getActor().getAttributes().get("name"), Instant.EPOCH.plusNanos(event.getTimeNano())));
                }
            } else {
                removed.putIfAbsent(attempt, Instant.EPOCH.plusNanos(event.getTimeNano()));
            }
        });
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
