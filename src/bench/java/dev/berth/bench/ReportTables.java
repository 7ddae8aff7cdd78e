package dev.berth.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The report's tables, in Markdown. Every figure: median over the rounds, (min–max) beside it. */
final class ReportTables {
    private ReportTables() {
    }

    static String machine(Results r) {
        MachineInfo m = r.machine;
        return table(List.of("", ""), List.of(
                List.of("date (UTC)", m.date().toString()),
                List.of("CPU", m.cores() + " cores, " + m.cpuModel()),
                List.of("memory", String.format("%,d MB", m.memoryMb())),
                List.of("engine", "Docker " + m.engine() + r.settings.engine().engineNote()),
                List.of("kernel", m.kernel()),
                List.of("Java", m.java()),
                List.of("Berth's JVM options", "`" + System.getProperty("bench.javaOptions", "") + "`"),
                List.of("Berth", "commit " + m.commit()),
                List.of("run", r.settings.jobSizesText() + " jobs per throughput round, " + r.settings.rounds()
                        + " rounds of each side, API runs of " + r.settings.apiRun().toSeconds() + " s"),
                List.of("machine state", r.quiet)));
    }

    static String targets(Results r) {
        return table(List.of("target", "measured", ""), Targets.judge(r).stream()
                .map(c -> List.of(c.target(), c.measured(), c.verdict())).toList());
    }

    static String throughput(Results r) {
        BenchEngine engine = r.settings.engine();
        return table(List.of("mode", "Berth jobs/s", "baseline jobs/s", "Berth / baseline", "ratio per round",
                "failed jobs (Berth, baseline)"), r.modes.stream().map(m -> List.of(engine.label(m.label()),
                m.berthJobsPerSecond().format("%.2f"), m.baselineJobsPerSecond().format("%.2f"),
                String.format("**%.2f**", m.ratio()), m.ratioPerRound().format("%.2f"),
                m.failures(ModeResult::berth) + ", " + m.failures(ModeResult::baseline))).toList());
    }

    static String latency(Results r) {
        var rows = new java.util.ArrayList<List<String>>();
        for (ModeResult m : r.modes) {
            String mode = r.settings.engine().label(m.mode());
            if (!m.berthAlone().isEmpty()) {
                latencyRows(rows, mode + ", one at a time", m.berthAlone(), m.baselineAlone());
            }
            latencyRows(rows, mode + ", burst of " + m.jobs(), m.berth(), m.baseline());
        }
        return table(List.of("mode, load", "latency", "p50 ms", "p95 ms"), rows);
    }

    private static void latencyRows(List<List<String>> rows, String load, List<RoundResult> berth,
                                    List<RoundResult> baseline) {
        rows.add(latencyRow(load, "Berth: submit → Running", berth, JobSample::submitToRunningMillis));
        rows.add(latencyRow(load, "baseline: create → running", baseline, JobSample::submitToRunningMillis));
        rows.add(latencyRow(load, "Berth: exit → terminal phase recorded", berth, JobSample::exitToRecordedMillis));
        rows.add(latencyRow(load, "baseline: exit → exit code read", baseline, JobSample::exitToRecordedMillis));
        rows.add(latencyRow(load, "baseline: exit → exit code, state and logs read", baseline,
                JobSample::exitToOutputMillis));
    }

    private static List<String> latencyRow(String mode, String what, List<RoundResult> rounds,
                                           ToDoubleFunction<JobSample> metric) {
        return List.of(mode, what, ModeResult.latency(rounds, metric, 50).format("%,.0f"),
                ModeResult.latency(rounds, metric, 95).format("%,.0f"));
    }

    static String api(ApiResult a) {
        return table(List.of("request", "requests/s", "p99 ms", "requests per run", "not 2xx"), List.of(
                apiRow("POST /api/v1/jobs", a.posts()), apiRow("GET /api/v1/jobs/{id}", a.gets())));
    }

    private static List<String> apiRow(String what, List<Wrk.Run> runs) {
        return List.of(what, ApiResult.rate(runs).format("%,.0f"), ApiResult.p99(runs).format("%.1f"),
                Spread.of(runs.stream().map(w -> (double) w.requests()).toList()).format("%,.0f"),
                Long.toString(runs.stream().mapToLong(Wrk.Run::errors).sum()));
    }

    /** Section 6: the API's requests on H2 and on PostgreSQL. */
    static String apiByStore(InstancesResult i) {
        return table(List.of("store", "request", "requests/s", "p99 ms", "requests per run", "not 2xx"), List.of(
                withStore("H2", apiRow("POST /api/v1/jobs", i.h2Api().posts())),
                withStore("PostgreSQL", apiRow("POST /api/v1/jobs", i.postgresApi().posts())),
                withStore("H2", apiRow("GET /api/v1/jobs/{id}", i.h2Api().gets())),
                withStore("PostgreSQL", apiRow("GET /api/v1/jobs/{id}", i.postgresApi().gets()))));
    }

    private static List<String> withStore(String store, List<String> row) {
        var all = new java.util.ArrayList<String>();
        all.add(store);
        all.addAll(row);
        return all;
    }

    /** Section 6: one member beside several, on PostgreSQL. */
    static String instancesThroughput(InstancesResult i) {
        return table(List.of("Berth processes", "jobs/s", "CPU s/job (all the processes)", "failed jobs"), List.of(
                List.of("1", InstancesResult.rate(i.oneMember()).format("%.2f"),
                        InstancesResult.cpuPerJob(i.oneMember()).format("%.3f"), failed(i.oneMember())),
                List.of(Integer.toString(i.members()), InstancesResult.rate(i.severalMembers()).format("%.2f"),
                        InstancesResult.cpuPerJob(i.severalMembers()).format("%.3f"), failed(i.severalMembers()))));
    }

    private static String failed(List<RoundResult> rounds) {
        return Long.toString(rounds.stream().flatMap(r -> r.samples().stream()).filter(s -> !s.succeeded()).count());
    }

    /** Where the server's CPU went during the measured runs, by thread group. */
    static String apiCpu(ApiResult a) {
        double postTotal = a.postCpu().values().stream().mapToDouble(Double::doubleValue).sum();
        double getTotal = a.getCpu().values().stream().mapToDouble(Double::doubleValue).sum();
        return table(List.of("server threads", "CPU s in POST runs", "share", "CPU s in GET runs", "share"),
                a.postCpu().keySet().stream().sorted(Comparator.comparing(g -> -a.postCpu().get(g)))
                        .map(g -> List.of(g, String.format("%.1f", a.postCpu().get(g)),
                                percent(a.postCpu().get(g), postTotal),
                                String.format("%.1f", a.getCpu().getOrDefault(g, 0.0)),
                                percent(a.getCpu().getOrDefault(g, 0.0), getTotal))).toList());
    }

    static String store(StoreScaleResult s) {
        return table(List.of("jobs in the store", "pass p50 ms", "pass p95 ms", "passes per run", "resident MB"),
                List.of(storeRow(s.activeJobs() + " running, 0 finished", s.empty()),
                        storeRow(String.format("%d running, %,d finished", s.activeJobs(), s.finishedJobs()),
                                s.seeded())));
    }

    private static List<String> storeRow(String what, List<StoreScaleResult.Observation> runs) {
        return List.of(what, StoreScaleResult.p50(runs).format("%.2f"), StoreScaleResult.p95(runs).format("%.2f"),
                Spread.of(runs.stream().map(o -> (double) o.passes()).toList()).format("%.0f"),
                StoreScaleResult.resident(runs).format("%.0f"));
    }

    private static final List<String> COST_COLUMNS = List.of("mode", "side", "CPU s/job (its process)",
            "dockerd CPU s/job", "engine calls/job", "calls/job by kind", "passes/job", "DB writes/job");

    /** Each side's cost per job in the burst rounds of each mode: medians over the rounds, (min–max). */
    static String cost(Results r) {
        var rows = new java.util.ArrayList<List<String>>();
        for (ModeResult m : r.modes) {
            String mode = r.settings.engine().label(m.label());
            rows.add(costRow(mode, "Berth", m.berth()));
            rows.add(costRow(mode, "baseline", m.baseline()));
        }
        return table(COST_COLUMNS, rows);
    }

    /** The cost per job of the queue section's two rounds. */
    static String queueCost(QueueResult q) {
        String mode = "container, queue of " + q.maxRunning();
        return table(COST_COLUMNS,
                List.of(costRow(mode, "Berth", List.of(q.berth())), costRow(mode, "baseline", List.of(q.baseline()))));
    }

    private static List<String> costRow(String mode, String side, List<RoundResult> rounds) {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        rounds.forEach(round -> kinds.addAll(round.cost().calls().keySet()));
        StringBuilder byKind = new StringBuilder();
        for (String kind : kinds) {
            double perJob = perJob(rounds, round -> round.cost().calls().getOrDefault(kind, 0L)).median();
            byKind.append(byKind.length() == 0 ? "" : ", ").append(String.format("%s %.2f", kind, perJob));
        }
        boolean berth = "Berth".equals(side);
        return List.of(mode, side, perJob(rounds, round -> round.cost().cpuSeconds()).format("%.3f"),
                perJob(rounds, round -> round.cost().engineCpuSeconds()).format("%.3f"),
                perJob(rounds, round -> round.cost().totalCalls()).format("%.2f"), byKind.toString(),
                berth ? perJob(rounds, round -> round.cost().passes()).format("%.2f") : "–",
                berth ? perJob(rounds, round -> round.cost().writes()).format("%.2f") : "–");
    }

    private static Spread perJob(List<RoundResult> rounds, ToDoubleFunction<RoundResult> total) {
        return Spread.of(rounds.stream().map(round -> total.applyAsDouble(round) / round.jobs()).toList());
    }

    static String queueThroughput(QueueResult q) {
        return table(List.of("side", "jobs", "at once", "seconds", "jobs/s", "failed"), List.of(
                queueRow(q.berth(), "queue of " + q.maxRunning()), queueRow(q.baseline(), q.maxRunning() + " threads")));
    }

    private static List<String> queueRow(RoundResult round, String atOnce) {
        return List.of(round.side(), String.format("%,d", round.jobs()), atOnce, String.format("%.1f", round.seconds()),
                String.format("%.2f", round.jobsPerSecond()), Long.toString(round.failures()));
    }

    static String queuePasses(QueueResult q) {
        return table(List.of("jobs in the store", "pass p50 ms", "pass p95 ms", "passes per run", "resident MB"),
                q.besideQueued().stream().map(b -> storeRow(String.format("%d running, %,d queued", q.maxRunning(),
                        b.queued()), b.runs())).toList());
    }

    /** Every round on its own line, in the order it ran. */
    static String rawRounds(Results r) {
        var rows = new java.util.ArrayList<List<String>>();
        for (ModeResult m : r.modes) {
            String mode = r.settings.engine().label(m.mode());
            for (int i = 0; i < Math.max(m.berth().size(), m.baseline().size()); i++) {
                for (RoundResult round : List.of(m.berth().get(i), m.baseline().get(i))) {
                    rows.add(List.of(mode, round.round(), round.side(), String.format("%.2f", round.seconds()),
                            String.format("%.2f", round.jobsPerSecond()),
                            String.format("%.0f", round.percentile(JobSample::submitToRunningMillis, 50)),
                            String.format("%.0f", round.percentile(JobSample::exitToRecordedMillis, 50)),
                            Long.toString(round.failures())));
                }
            }
        }
        return table(List.of("mode", "round", "side", "seconds", "jobs/s", "→ running p50 ms",
                "exit → recorded p50 ms", "failed"), rows);
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> out.append("---|"));
        out.append('\n');
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return out.toString();
    }

    private static String percent(double part, double total) {
        return total == 0 ? "–" : String.format("%.0f %%", 100 * part / total);
    }
}
