package dev.berth.reconcile;

import static dev.berth.support.Jobs.NOW;
import static dev.berth.support.Jobs.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Backend;
import dev.berth.core.QueueLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The room of a pass, and the planner taking it in launch order. */
class LaunchRoomTest {
    private static final QueueLimits LIMITS = limits(Map.of("default", 3, "gpu", 1), null);
    private final Planner planner = new Planner(Backend.CONTAINER, true);

    @Test
    void aQueuesRoomIsItsLimitLessWhatItHasLaunched() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), Map.of("default", 2), 16);

        assertThat(room.of("default")).isEqualTo(1);
        assertThat(room.of("gpu")).isEqualTo(1);
    }

    @Test
    void thePendingJobsTakeTheRoomByPriorityThenAge() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), Map.of("default", 1), 16);
        var jobs = List.of(pending("a", "default", 0), pending("b", "default", 5), pending("c", "default", 0),
                pending("d", "default", 5));

        List<String> launched = launchedBy(planner.plan(jobs, Observed.available(List.of()), NOW, room));

        assertThat(launched).containsExactly("b", "d");
    }

    @Test
    void aPausedQueueLaunchesNothingWhileTheOthersGoOn() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of("gpu"), Map.of(), 16);
        var jobs = List.of(pending("a", "gpu", 0), pending("b", "default", 0));

        List<String> launched = launchedBy(planner.plan(jobs, Observed.available(List.of()), NOW, room));

        assertThat(launched).containsExactly("b");
    }

    @Test
    void theLimitOfAllQueuesAndTheFreeSlotsBoundEveryQueue() {
        QueueLimits limits = limits(Map.of("default", 10, "gpu", 10), 4);
        LaunchRoom room = LaunchRoom.of(limits, Set.of(), Map.of("default", 1, "gpu", 1), 16);
        LaunchRoom fewSlots = LaunchRoom.of(limits(Map.of("default", 10), null), Set.of(), Map.of(), 2);
        var jobs = List.of(pending("a", "default", 0), pending("b", "gpu", 0), pending("c", "default", 0));

        assertThat(launchedBy(planner.plan(jobs, Observed.available(List.of()), NOW, room))).containsExactly("a", "b");
        assertThat(fewSlots.of("default")).isEqualTo(2);
    }

    @Test
    void aQueueNoLongerConfiguredLaunchesNothing() {
        LaunchRoom room = LaunchRoom.of(LIMITS, Set.of(), Map.of(), 16);

        assertThat(launchedBy(planner.plan(List.of(pending("a", "gone", 0)), Observed.available(List.of()), NOW,
                room))).isEmpty();
    }

    private static List<String> launchedBy(List<Action> actions) {
        return actions.stream().filter(Action.Launch.class::isInstance).map(a -> a.job().id()).toList();
    }

    private static QueueLimits limits(Map<String, Integer> perQueue, Integer total) {
        return new QueueLimits(new LinkedHashMap<>(perQueue), total);
    }
}
