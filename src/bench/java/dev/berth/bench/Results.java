package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;

/** Everything one run measured, gathered for the report; a section not run stays empty. */
final class Results {
    final BenchSettings settings;
    final MachineInfo machine;
    final List<ModeResult> modes = new ArrayList<>();
    ApiResult api;
    StoreScaleResult store;
    QueueResult queue;
    InstancesResult instances;
    String quiet = "not checked";
    boolean wasQuiet = true;

    Results(BenchSettings settings, MachineInfo machine) {
        this.settings = settings;
        this.machine = machine;
    }

    void add(ModeResult mode) {
        modes.add(mode);
    }

    void api(ApiResult result) {
        this.api = result;
    }

    void store(StoreScaleResult result) {
        this.store = result;
    }

    void queue(QueueResult result) {
        this.queue = result;
    }

    void instances(InstancesResult result) {
        this.instances = result;
    }

    void quiet(QuietMachine machineState) {
        this.quiet = machineState.summary();
        this.wasQuiet = machineState.wasQuiet();
    }

    /** The mode's results that carry its one-at-a-time rounds (its first size); null if not measured. */
    ModeResult mode(String name) {
        return modes.stream().filter(m -> m.mode().equals(name) && !m.berthAlone().isEmpty()).findFirst()
                .orElse(null);
    }

    void addAll(List<ModeResult> sizes) {
        modes.addAll(sizes);
    }
}
