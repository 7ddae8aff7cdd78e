package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Berth's benchmark: Berth beside a direct docker-java baseline, on the same engine in the same run.
 * Started by scripts/bench, which builds the jar and the test image and passes the paths.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromEnvironment();
        Set<String> sections = Set.of(System.getenv().getOrDefault("BERTH_BENCH_SECTIONS", "throughput,api,store")
                .split(","));
        var docker = DockerClients.create(settings.jobs() + 16);
        var quiet = new QuietMachine();
        List<String> instances = new ArrayList<>();
        for (String purpose : List.of("container", "swarm", "api", "scale")) {
            instances.add(settings.instanceId(purpose));
        }
        boolean swarmManager = MachineInfo.isSwarmManager(docker);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            BerthServer.stopAll();
            OwnObjects.removeAll(docker, settings.runId(), instances, swarmManager);
        }));
        var results = new Results(settings, MachineInfo.read(docker, settings.commit()));
        System.out.printf("benchmark run %s: %d jobs per round, %d rounds; work files in %s%n", settings.runId(),
                settings.jobs(), settings.rounds(), settings.workDir());
        if (sections.contains("throughput")) {
            var throughput = new ThroughputSuite(settings, docker, quiet);
            System.out.println("1-2. throughput and latency, container mode");
            results.add(throughput.run(false));
            if (swarmManager) {
                System.out.println("1-2. throughput and latency, swarm mode");
                results.add(throughput.run(true));
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
        results.quiet(quiet);
        var report = new Report(results);
        System.out.println();
        System.out.println(report.summaryTable());
        report.write(settings.report());
        System.out.println("written: " + settings.report());
    }
}
