package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.berth.core.Backend;
import dev.berth.core.JobIds;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Berth's swarm backend against a real single-node swarm; every service is labelled with this run's id. */
@Tag("swarm")
class SwarmBackendTest {
    private static final String HOST = "unix:///var/run/docker.sock";
    private static final String IMAGE = System.getProperty("berth.testImage", "berth-test-busybox:1");
    private static final String INSTANCE = "test-swarm-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DockerClient docker;
    private static DockerJavaGateway gateway;
    private final JobIds jobIds = new JobIds(Clock.systemUTC());

    @BeforeAll
    static void connect() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(HOST).build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(HOST)).responseTimeout(PATIENCE).build());
        gateway = new DockerJavaGateway(new DockerSettings(HOST, false, Duration.ofSeconds(30),
                Duration.ofSeconds(30)), INSTANCE, Clock.systemUTC());
        assertThat(gateway.engineInfo().swarmManager()).as("the engine must be a swarm manager").isTrue();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (var service : docker.listServicesCmd().withLabelFilter(BerthLabels.ownedBy(INSTANCE)).exec()) {
            try {
                docker.removeServiceCmd(service.getId()).exec();
            } catch (NotFoundException alreadyGone) {
                // a test removed it already
            }
        }
        gateway.close();
        docker.close();
    }

    @Test
    void aJobBecomesAOneReplicaServiceThatIsNeverRestarted() {
        String job = jobIds.next();
        var spec = new ResolvedSpec(IMAGE, List.of("sh", "-c", "exit 0"), null, Map.of("GREETING", "hi"), "/tmp",
                "65534", List.of(), new Resources(0.5, 64L));
        String serviceId = launched(job, spec);

        var service = docker.inspectServiceCmd(serviceId).exec().getSpec();
        var task = service.getTaskTemplate();
        var container = task.getContainerSpec();

        assertThat(service.getName()).isEqualTo(BerthLabels.objectName(job, 1));
        assertThat(service.getMode().getReplicated().getReplicas()).isEqualTo(1);
        assertThat(service.getMode().getGlobal()).isNull();
        assertThat(task.getRestartPolicy().getCondition()).isEqualTo(ServiceRestartCondition.NONE);
        assertThat(service.getLabels()).containsAllEntriesOf(BerthLabels.of(INSTANCE, job, 1));
        assertThat(container.getLabels()).containsAllEntriesOf(BerthLabels.of(INSTANCE, job, 1));
        assertThat(container.getArgs()).containsExactly("sh", "-c", "exit 0");
        assertThat(container.getCommand()).isNull();
        assertThat(container.getEnv()).containsExactly("GREETING=hi");
        assertThat(container.getDir()).isEqualTo("/tmp");
        assertThat(container.getUser()).isEqualTo("65534");
        assertThat(task.getResources().getLimits().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(task.getResources().getLimits().getMemoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(task.getResources().getReservations().getNanoCPUs()).isEqualTo(500_000_000L);
        // The local image's id, so that swarm's executor never tries to pull the tag.
        assertThat(container.getImage()).isEqualTo(docker.inspectImageCmd(IMAGE).exec().getId());
    }

    @Test
    void aJobThatExitsNonZeroFailsWithItsExitCodeAndKeepsItsOutput() {
        String job = jobIds.next();
        launched(job, command("sh", "-c", "echo out; exit 4"));
        Workload workload = listed(job);

        Observation seen = awaitTerminal(workload);

        assertThat(seen.phase()).isEqualTo(Phase.Failed);
        assertThat(seen.reason()).isEqualTo(Reason.NonZeroExit);
        assertThat(seen.exitCode()).isEqualTo(4);
        assertThat(seen.serviceId()).isEqualTo(workload.objectId());
        assertThat(seen.taskId()).isNotBlank();
        assertThat(seen.nodeId()).isNotBlank();
        assertThat(seen.containerId()).isNotBlank();
        assertThat(seen.startedAt()).isNotNull();
        assertThat(seen.finishedAt()).isNotNull();
        assertThat(gateway.logs(workload, 4096).text()).contains("out");
    }

    @Test
    void aJobThatExitsZeroSucceedsAndAnEntrypointBecomesTheServicesCommand() {
        String job = jobIds.next();
        var spec = new ResolvedSpec(IMAGE, List.of("echo via-entrypoint; exit 0"), List.of("sh", "-c"), Map.of(),
                null, null, List.of(), null);
        launched(job, spec);
        Workload workload = listed(job);

        Observation seen = awaitTerminal(workload);

        assertThat(seen.phase()).isEqualTo(Phase.Succeeded);
        assertThat(seen.reason()).isEqualTo(Reason.Completed);
        assertThat(seen.exitCode()).isZero();
        assertThat(gateway.logs(workload, 4096).text()).contains("via-entrypoint");
        assertThat(listed(job).state()).isEqualTo(WorkloadState.FINISHED);
    }

    @Test
    void theListingShowsTheServiceButNotItsTasksContainer() {
        String job = jobIds.next();
        String serviceId = launched(job, command("sh", "-c", "exit 0"));
        awaitTerminal(listed(job));

        List<Workload> ofJob = gateway.listWorkloads().workloads().stream().filter(w -> w.jobId().equals(job)).toList();

        assertThat(ofJob).singleElement().satisfies(w -> {
            assertThat(w.backend()).isEqualTo(Backend.SERVICE);
            assertThat(w.objectId()).isEqualTo(serviceId);
            assertThat(w.name()).isEqualTo(BerthLabels.objectName(job, 1));
            assertThat(w.attempt()).isEqualTo(1);
        });
    }

    @Test
    void aJobTooBigForEveryNodeIsPendingUnschedulableWithTheSchedulersReason() {
        String job = jobIds.next();
        var spec = new ResolvedSpec(IMAGE, List.of("true"), null, Map.of(), null, null, List.of(),
                new Resources(4096.0, null));
        launched(job, spec);
        Workload workload = listed(job);

        Instant deadline = Instant.now().plus(PATIENCE);
        Optional<Observation> seen = gateway.observe(workload);
        while (seen.map(o -> !o.message().contains("insufficient resources")).orElse(true) && Instant.now().isBefore(deadline)) {
            sleep();
            seen = gateway.observe(workload);
        }

        assertThat(seen).hasValueSatisfying(o -> {
            assertThat(o.phase()).isEqualTo(Phase.Pending);
            assertThat(o.reason()).isEqualTo(Reason.Unschedulable);
            assertThat(o.message()).startsWith("no suitable node (insufficient resources on 1 node)");
        });
        assertThat(listed(job).state()).isEqualTo(WorkloadState.ACTIVE);
    }

    @Test
    void launchingTheSameAttemptAgainAdoptsItsService() {
        String job = jobIds.next();
        String first = launched(job, command("sh", "-c", "exit 0"));

        LaunchOutcome again = gateway.launch(Backend.SERVICE, request(job, command("sh", "-c", "exit 0")));

        assertThat(again).isEqualTo(new LaunchOutcome.Launched(first, true));
    }

    @Test
    void anImageThatIsNotOnTheEngineIsRefusedWithoutCreatingAService() {
        String job = jobIds.next();
        var spec = new ResolvedSpec("berth-no-such-image:0", List.of("true"), null, Map.of(), null, null,
                List.of(), null);

        LaunchOutcome outcome = gateway.launch(Backend.SERVICE, request(job, spec));

        assertThat(outcome).isInstanceOfSatisfying(LaunchOutcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.ImageNotFound));
        assertThat(gateway.listWorkloads().workloads()).noneMatch(w -> w.jobId().equals(job));
    }

    @Test
    void removeRemovesTheServiceAndAGoneServiceCountsAsRemoved() {
        String job = jobIds.next();
        String serviceId = launched(job, command("sh", "-c", "exit 0"));
        Workload workload = listed(job);

        gateway.remove(workload);
        gateway.remove(workload);

        assertThatThrownBy(() -> docker.inspectServiceCmd(serviceId).exec()).isInstanceOf(NotFoundException.class);
        assertThat(gateway.observe(workload)).isEmpty();
    }

    private static ResolvedSpec command(String... argv) {
        return new ResolvedSpec(IMAGE, List.of(argv), null, Map.of(), null, null, List.of(), null);
    }

    private static LaunchRequest request(String job, ResolvedSpec spec) {
        return new LaunchRequest(BerthLabels.objectName(job, 1), BerthLabels.of(INSTANCE, job, 1), spec);
    }

    private static String launched(String job, ResolvedSpec spec) {
        LaunchOutcome outcome = gateway.launch(Backend.SERVICE, request(job, spec));
        assertThat(outcome).isInstanceOf(LaunchOutcome.Launched.class);
        return ((LaunchOutcome.Launched) outcome).objectId();
    }

    private static Workload listed(String job) {
        return gateway.listWorkloads().workloads().stream()
                .filter(w -> w.jobId().equals(job) && w.backend() == Backend.SERVICE)
                .findFirst().orElseThrow(() -> new AssertionError("no service listed for job " + job));
    }

    /** Polls until the job ends; the deadline only keeps a broken engine from hanging the build. */
    private static Observation awaitTerminal(Workload workload) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Optional<Observation> seen = gateway.observe(workload);
        while (seen.map(o -> !o.isTerminal()).orElse(true) && Instant.now().isBefore(deadline)) {
            sleep();
            seen = gateway.observe(workload);
        }
        assertThat(seen).as("observation of %s", workload.name()).hasValueSatisfying(
                o -> assertThat(o.isTerminal()).as("terminal, but was %s", o).isTrue());
        return seen.get();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
