package dev.berth.crash;

import com.github.dockerjava.api.DockerClient;
import dev.berth.support.LabSwarm;
import dev.berth.support.ObjectEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The crash scenario in swarm mode on the multi-node bed: jobs spread over three nodes, their image
 * pulled by digest from the bed's registry. Counted by the manager's service create events (the
 * task containers on the workers are not in the manager's events).
 */
@Tag("multinode")
class LabCrashSafetyIT extends CrashSafetyScenario {

    @BeforeAll
    static void bed() {
        LabSwarm.requireBed();
    }

    @Override
    boolean swarmMode() {
        return true;
    }

    @Override
    String engineHost() {
        return LabSwarm.MANAGER;
    }

    @Override
    String image() {
        return LabSwarm.IMAGE;
    }

    @Override
    void removeLeftovers() {
        LabSwarm.removeAllOf(instance);
    }

    @Override
    List<Counted> follow(DockerClient streams, Instant since) {
        return List.of(new Counted("services", ObjectEvents.services(streams, since), false));
    }
}
