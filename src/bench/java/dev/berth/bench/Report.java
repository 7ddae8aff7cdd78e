package dev.berth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes docs/benchmarks.md. Everything above the analysis marker is generated anew on every run;
 * what follows the marker is written by people (why a target is missed, what to do about it) and is
 * kept as it is.
 */
final class Report {
    static final String ANALYSIS_MARKER = "<!-- Everything below this line is written by hand; scripts/bench keeps it. -->";

    private final Results results;

    Report(Results results) {
        this.results = results;
    }

    /** What the console shows at the end of a run. */
    String summaryTable() {
        StringBuilder out = new StringBuilder("Targets (Berth on this machine):\n").append(ReportTables.targets(results));
        if (!results.modes.isEmpty()) {
            out.append("\nThroughput:\n").append(ReportTables.throughput(results))
                    .append("\nCost per job:\n").append(ReportTables.cost(results))
                    .append("\nLatency:\n").append(ReportTables.latency(results));
        }
        if (results.api != null) {
            out.append("\nAPI:\n").append(ReportTables.api(results.api));
        }
        if (results.store != null) {
            out.append("\nStore:\n").append(ReportTables.store(results.store));
        }
        if (results.queue != null) {
            out.append("\nQueues:\n").append(ReportTables.queueThroughput(results.queue))
                    .append(ReportTables.queuePasses(results.queue));
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        String analysis = "";
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int marker = old.indexOf(ANALYSIS_MARKER);
            analysis = marker < 0 ? "" : old.substring(marker + ANALYSIS_MARKER.length());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, generated() + ANALYSIS_MARKER + (analysis.isEmpty() ? "\n" : analysis),
                StandardCharsets.UTF_8);
    }

    private String generated() {
        BenchEngine engine = results.settings.engine();
        StringBuilder doc = new StringBuilder();
        doc.append("# Benchmarks\n\n")
                .append("Berth beside a direct docker-java baseline, measured by ")
                .append(engine.swarmBed() ? "`BERTH_BENCH_LAB=1 scripts/bench` in one run on the 3-node swarm test "
                        + "bed of `scripts/swarm-lab`, through its manager " : "`scripts/bench` in one run on one engine ")
                .append("(see the README's *Benchmark* section). Every figure is the median over the rounds, ")
                .append("with the smallest and largest round in brackets: `median (min–max)`. The figures above the ")
                .append("analysis are generated; rerunning `scripts/bench` replaces them.\n\n")
                .append(ReportMethods.SERVERS)
                .append("## Machine\n\n").append(ReportTables.machine(results));
        if (!results.wasQuiet) {
            doc.append("\n**The machine was not quiet during this run** (Maven tests ran meanwhile): the figures ")
                    .append("are pessimistic for both sides.\n");
        }
        doc.append("\n## Targets\n\n").append(ReportTables.targets(results));
        if (!results.modes.isEmpty()) {
            throughputAndLatency(doc, engine);
        }
        if (results.api != null) {
            doc.append("\n## 3. API\n\n").append(ReportMethods.api(results.api)).append(ReportTables.api(results.api))
                    .append("\nWhere the server's CPU time went during the measured runs (from /proc/PID/task):\n\n")
                    .append(ReportTables.apiCpu(results.api));
        }
        if (results.store != null) {
            doc.append("\n## 4. Scale of the store\n\n").append(ReportMethods.STORE)
                    .append(ReportTables.store(results.store))
                    .append(String.format("%nPass with finished jobs / pass without (ratio of the p50 medians): "
                            + "**%.2f**.%n", results.store.passRatio()));
        }
        if (results.queue != null) {
            QueueResult q = results.queue;
            doc.append("\n## 5. Queues\n\n").append(ReportMethods.queues(q))
                    .append(ReportTables.queueThroughput(q))
                    .append(String.format("%nBerth / baseline: **%.2f**. Berth's resident memory at most %.0f MB during"
                            + " its round; its passes at the end of the round: p50 %.2f ms, p95 %.2f ms.%n%n",
                            q.ratio(), q.peakResidentMb(), q.passesAtEnd().p50Millis(), q.passesAtEnd().p95Millis()))
                    .append("Cost per job (as in section 1):\n\n").append(ReportTables.queueCost(q))
                    .append("\n").append(ReportTables.queuePasses(q))
                    .append(String.format("%nPass beside the most queued jobs / pass beside none (ratio of the p50"
                            + " medians): **%.2f** (target: at most 1.5).%n", q.passRatio()));
        }
        if (results.instances != null) {
            InstancesResult i = results.instances;
            doc.append("\n## 6. PostgreSQL and several instances\n\n").append(ReportMethods.INSTANCES)
                    .append("\n**API**, on each store (the method of section 3):\n\n")
                    .append(ReportTables.apiByStore(i))
                    .append(String.format("%n**Throughput**, %d trivial jobs submitted at once (to the members in turn),"
                            + " container mode, both on PostgreSQL:%n%n", i.oneMember().isEmpty() ? 0
                            : i.oneMember().get(0).jobs()))
                    .append(ReportTables.instancesThroughput(i))
                    .append(String.format("%n%d members / one: **%.2f**.%n", i.members(), i.throughputRatio()))
                    .append(String.format("%n**Failover**: kill of the leader → the next launch, by another member, over"
                            + " %d kills with `reconciler.leaseTimeout` %d s: p50 **%,.0f ms** (min %,.0f, max %,.0f)."
                            + " Each in turn: %s ms.%n", i.failoverMillis().size(), i.leaseTimeoutMillis() / 1000,
                            i.failover().median(), i.failover().min(), i.failover().max(),
                            i.failoverMillis().stream().map(m -> String.format("%,.0f", m))
                                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        if (!results.modes.isEmpty()) {
            doc.append("\n## ").append(engine.label("Every throughput round")).append(", in the order run\n\n")
                    .append(ReportTables.rawRounds(results));
        }
        return doc.append('\n').toString();
    }

    /** Sections 1 and 2; on the bed their headings say so, and what differs there follows each method. */
    private void throughputAndLatency(StringBuilder doc, BenchEngine engine) {
        doc.append("\n## ").append(engine.label("1. Throughput")).append("\n\n").append(ReportMethods.THROUGHPUT)
                .append(engine.swarmBed() ? ReportMethods.swarmBed(engine.image()) : "")
                .append(ReportTables.throughput(results))
                .append("\n").append(ReportMethods.COST).append(ReportTables.cost(results))
                .append("\n## ").append(engine.label("2. Latency")).append("\n\n").append(ReportMethods.LATENCY)
                .append(engine.swarmBed() ? ReportMethods.SWARM_BED_LATENCY : "")
                .append(ReportTables.latency(results));
    }
}
