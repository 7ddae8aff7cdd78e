package dev.berth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 6, on the PostgreSQL cluster scripts/bench started: the API on PostgreSQL beside H2 (the
 * section 3 method on each); N jobs through {@value #MEMBERS} members of one instance beside one
 * member, both on PostgreSQL, in turns after a warm-up; and failover: the leader SIGKILLed
 * {@value #KILLS} times, each time a job submitted to another member at once, and the time from the
 * kill to that job's Launching event (which the new leader writes just before it creates the
 * container); the killed member is started again before the next kill. Container mode.
 */
final class InstancesSuite {
    static final int MEMBERS = 3;
    static final int KILLS = 10;
    private static final int WARM_UP_JOBS = 20;
    /** config.yml's reconciler.leaseTimeout, which the servers run with. */
    private static final long LEASE_TIMEOUT_MILLIS = 10_000;

    private final BenchSettings settings;
    private final DockerClient docker;
    private final QuietMachine quiet;

    InstancesSuite(BenchSettings settings, DockerClient docker, QuietMachine quiet) {
        this.settings = settings;
        this.docker = docker;
        this.quiet = quiet;
    }

    InstancesResult run() throws Exception {
        var api = new ApiSuite(settings, quiet);
        System.out.println("  API on H2");
        ApiResult h2 = api.run(BenchStore.h2(settings.workDir().resolve("db-api-h2").resolve("berth")), "api-h2");
        System.out.println("  API on PostgreSQL");
        ApiResult postgres = api.run(BenchStore.postgres("bench_api"), "api-pg");

        int jobs = settings.jobs();
        List<RoundResult> one = new ArrayList<>();
        List<RoundResult> several = new ArrayList<>();
        List<Double> failovers = new ArrayList<>();
        String oneId = settings.instanceId("one");
        String severalId = settings.instanceId("members");
        BenchStore oneStore = BenchStore.postgres("bench_one");
        BenchStore severalStore = BenchStore.postgres("bench_members");
        List<BerthServer> members = new ArrayList<>();
        try (var single = member(oneStore, oneId, "one", jobs)) {
            for (int i = 0; i < MEMBERS; i++) {
                members.add(member(severalStore, severalId, "member-" + i, jobs));
            }
            var singleRounds = new BerthRound(single.client(), docker, oneId, false, settings.image(),
                    single::cost);
            List<BerthApi> apis = new ArrayList<>();
            for (BerthServer member : members) {
                apis.add(member.client());
            }
            var severalRounds = new BerthRound(apis, docker, severalId, false, settings.image(),
                    () -> sumOfCosts(members));
            quiet.settle("instances warm-up");
            singleRounds.run("one-warmup", WARM_UP_JOBS);
            severalRounds.run("members-warmup", WARM_UP_JOBS);
            for (int r = 1; r <= settings.rounds(); r++) {
                String a = "one-" + jobs + "-" + r;
                String b = "members-" + jobs + "-" + r;
                one.add(report(quiet.measure(jobs + " jobs, one member, round " + r, () -> singleRounds.run(a, jobs))));
                several.add(report(quiet.measure(jobs + " jobs, " + MEMBERS + " members, round " + r,
                        () -> severalRounds.run(b, jobs))));
            }
        }
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                failovers.add(failover(members, severalStore, severalId, jobs, kill));
            }
        } finally {
            members.forEach(BerthServer::close);
        }
        return new InstancesResult(h2, postgres, MEMBERS, one, several, failovers, LEASE_TIMEOUT_MILLIS);
    }

    private BerthServer member(BenchStore store, String instanceId, String name, int jobs) throws Exception {
        Map<String, String> overrides = new HashMap<>(store.overrides());
        overrides.putAll(Map.of("reconciler.instanceId", instanceId, "docker.swarmMode", "false",
                "queues.default.maxRunning", Integer.toString(Math.max(jobs, WARM_UP_JOBS))));
        return BerthServer.start(settings, "berth-" + name, settings.workDir().resolve("unused"), overrides);
    }

    private static Cost sumOfCosts(List<BerthServer> members) throws Exception {
        Cost sum = null;
        for (BerthServer member : members) {
            Cost cost = member.cost();
            sum = sum == null ? cost : sum.plus(cost);
        }
        return sum;
    }

    /**
     * One kill: the leader goes, a job goes to the next member at once, and the time to its
     * Launching event is the failover's. Returns once the job is done and the killed member is back.
     */
    private double failover(List<BerthServer> members, BenchStore store, String instanceId, int jobs, int kill)
            throws Exception {
        int leader = leaderOf(members);
        BerthServer next = members.get((leader + 1) % members.size());
        var api = next.client();
        double killedAt = System.currentTimeMillis();
        members.get(leader).kill();
        String id = api.submit(TrivialJob.manifest(settings.image(), TrivialJob.COMMAND,
                Map.of("bench.round", "failover-" + kill))).join();
        double launchingAt = Double.NaN;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (Double.isNaN(launchingAt)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no member launched job " + id + " within 120 s of kill " + kill);
            }
            for (JsonNode event : api.events(id)) {
                if ("Launching".equals(event.path("phase").asText())) {
                    launchingAt = JobSample.millis(event.path("at").asText());
                }
            }
            Thread.sleep(20);
        }
        while (api.anyActive("bench.round=failover-" + kill)) {
            Thread.sleep(100);
        }
        double millis = launchingAt - killedAt;
        System.out.printf("  kill %2d: member %d killed, the next launch %,.0f ms later%n", kill, leader, millis);
        members.set(leader, member(store, instanceId, "member-" + leader + "-" + kill, jobs));
        return millis;
    }

    /** The member whose /api/v1/info says it leads (asked until exactly one does). */
    private static int leaderOf(List<BerthServer> members) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Integer> leaders = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).client().info().path("leader").asBoolean()) {
                    leaders.add(i);
                }
            }
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the members did not agree on one leader within 120 s");
    }

    private static RoundResult report(RoundResult round) {
        System.out.printf("  %-22s %6.2f jobs/s, %d jobs, %.1f s%n", round.round(), round.jobs() / round.seconds(),
                round.jobs(), round.seconds());
        return round;
    }
}
