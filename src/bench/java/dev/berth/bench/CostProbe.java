package dev.berth.bench;

import dev.berth.docker.EngineCalls;

/** Reads one side's counters now; a round's cost is what they read after it less before. */
interface CostProbe {
    Cost read() throws Exception;

    /** The baseline's: this JVM's CPU (it does nothing else during a baseline round), dockerd's, and its calls. */
    static CostProbe thisProcess(EngineCalls calls) {
        long pid = ProcessHandle.current().pid();
        return () -> new Cost(ProcCpu.seconds(pid), ProcCpu.seconds(ProcCpu.enginePid()), calls.snapshot(), -1, -1);
    }

    /** The cost of {@code round}, read around it. */
    static RoundResult measured(CostProbe probe, RoundCall round) throws Exception {
        Cost before = probe.read();
        RoundResult result = round.run();
        return result.withCost(probe.read().minus(before));
    }

    /** A round to measure. */
    interface RoundCall {
        RoundResult run() throws Exception;
    }
}
