package dev.berth.bench;

import java.util.List;

/**
 * Section 6: the API on H2 and on PostgreSQL; throughput rounds of one member and of several members
 * of one instance on PostgreSQL; and the failovers measured (kill of the leader → the next launch
 * by another member, ms), with the lease timeout they ran under.
 */
record InstancesResult(ApiResult h2Api, ApiResult postgresApi, int members, List<RoundResult> oneMember,
                       List<RoundResult> severalMembers, List<Double> failoverMillis, long leaseTimeoutMillis) {

    static Spread rate(List<RoundResult> rounds) {
        return Spread.of(rounds.stream().map(r -> r.jobs() / r.seconds()).toList());
    }

    /** CPU seconds of all the side's servers per job, from their /proc counters. */
    static Spread cpuPerJob(List<RoundResult> rounds) {
        return Spread.of(rounds.stream().map(r -> r.cost().cpuSeconds() / r.jobs()).toList());
    }

    double throughputRatio() {
        return rate(severalMembers).median() / rate(oneMember).median();
    }

    Spread failover() {
        return Spread.of(failoverMillis);
    }
}
