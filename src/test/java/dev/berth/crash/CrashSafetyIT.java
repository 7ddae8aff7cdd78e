package dev.berth.crash;

import com.github.dockerjava.api.DockerClient;
import dev.berth.support.ObjectEvents;
import java.time.Instant;
import java.util.List;

/** The crash scenario with jobs as plain containers: counted by their container create events. */
class CrashSafetyIT extends CrashSafetyScenario {

    @Override
    boolean swarmMode() {
        return false;
    }

    @Override
    List<Counted> follow(DockerClient streams, Instant since) {
        return List.of(new Counted("containers", ObjectEvents.containers(streams, instance, since), true));
    }
}
