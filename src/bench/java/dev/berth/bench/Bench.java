package dev.berth.bench;

import dev.berth.docker.EngineCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Berth's benchmark: Berth beside a direct docker-java baseline, on the same engine in the same run:
 * this machine's, or the swarm bed's manager (BERTH_BENCH_LAB). Started by scripts/bench, which
 * builds the jar and the test image (and brings up the bed) and passes the paths and the engine.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromEnvironment();
        BenchEngine engine = settings.engine();
        Set<String> sections = sections(engine);
        var baselineCalls = new EngineCalls();
        var docker = DockerClients.create(engine.dockerHost(), settings.jobs() + 16, baselineCalls);
        CostProbe baselineCost = CostProbe.thisProcess(baselineCalls);
        var quiet = new QuietMachine();
        List<String> instances = new ArrayList<>();
        for (String purpose : List.of("container", "swarm", "api", "scale", "queue", "queued", "api-h2", "api-pg",
                "one", "members")) {
            instances.add(settings.instanceId(purpose));
        }
        boolean swarmManager = MachineInfo.isSwarmManager(docker);
        if (engine.swarmBed() && !swarmManager) {
            throw new IllegalStateException(engine.dockerHost() + " is not a swarm manager (scripts/swarm-lab status)");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            BerthServer.stopAll();
            OwnObjects.removeAll(docker, settings.runId(), instances, swarmManager);
        }));
        var results = new Results(settings, MachineInfo.read(docker, settings.commit()));
        System.out.printf("benchmark run %s on %s: %s jobs per round, %d rounds; work files in %s%n", settings.runId(),
                engine.dockerHost(), settings.jobSizesText(), settings.rounds(), settings.workDir());
        if (sections.contains("throughput")) {
            var throughput = new ThroughputSuite(settings, docker, quiet, baselineCost);
            if (!engine.swarmBed()) {
                System.out.println("1-2. throughput and latency, container mode");
                results.addAll(throughput.run(false));
            }
            if (swarmManager) {
                System.out.println("1-2. throughput and latency, swarm mode");
                results.addAll(throughput.run(true));
            } else {
                System.out.println("the engine is not a swarm manager: swarm mode is not measured");
            }
        }
        if (sections.contains("api")) {
            System.out.println("3. API under load (launching paused)");
            results.api(new ApiSuite(settings, quiet).run());
        }
        if (sections.contains("store")) {
            System.out.println("4. reconcile pass and memory beside many finished jobs");
            results.store(new StoreScaleSuite(settings, docker, quiet).run());
        }
        if (sections.contains("queue")) {
            System.out.println("5. queues: " + settings.queueJobs() + " jobs through a queue of " + QueueSuite.MAX_RUNNING
                    + ", and the pass beside queued jobs");
            results.queue(new QueueSuite(settings, docker, quiet, baselineCost).run());
        }
        if (sections.contains("instances")) {
            System.out.println("6. PostgreSQL and several instances: the API on each store, " + InstancesSuite.MEMBERS
                    + " members beside one, failover over " + InstancesSuite.KILLS + " kills");
            results.instances(new InstancesSuite(settings, docker, quiet).run());
        }
        results.quiet(quiet);
        var report = new Report(results);
        System.out.println();
        System.out.println(report.summaryTable());
        report.write(settings.report());
        System.out.println("written: " + settings.report());
    }

    /**
     * BERTH_BENCH_SECTIONS. On the bed only the throughput section, in swarm mode: a container-mode
     * job there would be a container on the manager alone, and the API and the store do not depend
     * on where jobs run, so a run on one node measures all three.
     */
    private static Set<String> sections(BenchEngine engine) {
        Set<String> asked = Set.of(System.getenv().getOrDefault("BERTH_BENCH_SECTIONS", "throughput,api,store")
                .split(","));
        if (!engine.swarmBed()) {
            return asked;
        }
        System.out.println("on the swarm bed only swarm mode is measured: container mode, the API and the store"
                + " are measured on one node");
        return asked.contains("throughput") ? Set.of("throughput") : Set.of();
    }
}
