package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.berth.support.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The task watch checks only while something is worth watching, against the real swarm manager of
 * the tests: its task listings are counted as the engine's calls are.
 */
@Tag("swarm")
class SwarmTaskWatchTest {
    private static final String HOST = "unix:///var/run/docker.sock";
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final EngineCalls calls = new EngineCalls();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private DockerClient docker;
    private SwarmTaskWatch watch;

    @BeforeEach
    void connect() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(HOST).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(HOST)).build();
        docker = DockerClientImpl.getInstance(config, new CountingHttpClient(http, calls));
        // An instance of its own: no task carries its label, so a listing finds none.
        String instance = "test-watch-" + UUID.randomUUID().toString().substring(0, 8);
        watch = new SwarmTaskWatch(docker, new OwnNode(docker), instance, INTERVAL, clock);
    }

    @AfterEach
    void close() throws Exception {
        watch.close();
        docker.close();
    }

    @Test
    void anIdleWatchSchedulesNoChecksAndListsNothing() throws InterruptedException {
        watch.start(() -> { });

        Thread.sleep(INTERVAL.multipliedBy(5).toMillis());

        assertThat(watch.checking()).isFalse();
        assertThat(listings()).isZero();
    }

    @Test
    void aDeathStartsTheChecksWhichListTheTasksAndEndOnceItIsLongPast() throws InterruptedException {
        AtomicInteger woken = new AtomicInteger();
        watch.start(woken::incrementAndGet);

        watch.containerDied();

        assertThat(watch.checking()).isTrue();
        awaitListings(1);
        assertThat(woken).as("no task of this instance changed: nothing to wake").hasValue(0);

        clock.set(clock.instant().plus(SwarmTaskWatch.AFTER_DEATH).plusSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (watch.checking() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(watch.checking()).as("checks after the death's watch is over").isFalse();
        long listed = listings();
        Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
        assertThat(listings()).isEqualTo(listed);

        watch.containerDied();
        assertThat(watch.checking()).as("a later death starts them again").isTrue();
        awaitListings(listed + 1);
    }

    private long listings() {
        return calls.snapshot().getOrDefault("list.tasks", 0L);
    }

    /** The watch lists once an interval of its clock has passed since it last looked: this one moves on. */
    private void awaitListings(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (listings() < atLeast && System.nanoTime() < deadline) {
            clock.set(clock.instant().plus(INTERVAL));
            Thread.sleep(INTERVAL.toMillis() / 2);
        }
        assertThat(listings()).isGreaterThanOrEqualTo(atLeast);
    }
}
