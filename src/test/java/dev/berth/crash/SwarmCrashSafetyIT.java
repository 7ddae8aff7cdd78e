package dev.berth.crash;

import com.github.dockerjava.api.DockerClient;
import dev.berth.support.ObjectEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * The crash scenario with jobs as swarm services, on the main engine (a swarm manager). Counted by
 * service create events, and, as a second witness, by the create events of the services' task
 * containers, which carry the job's labels: restart condition none allows one per service.
 */
@Tag("swarm")
class SwarmCrashSafetyIT extends CrashSafetyScenario {

    @Override
    boolean swarmMode() {
        return true;
    }

    @Override
    List<Counted> follow(DockerClient streams, Instant since) {
        return List.of(new Counted("services", ObjectEvents.services(streams, since), false),
                new Counted("task containers", ObjectEvents.containers(streams, instance, since), true));
    }
}
