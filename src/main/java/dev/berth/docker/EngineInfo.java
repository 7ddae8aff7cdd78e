package dev.berth.docker;

/**
 * What the engine says of itself: its version, whether it manages a swarm, and the CPUs and memory
 * of its host (what capacity admission counts against). {@code error} is set (and the rest null)
 * when it did not answer.
 */
public record EngineInfo(boolean reachable, String version, String apiVersion, boolean swarmManager,
                         Integer cpus, Long memoryBytes, String error) {

    public static EngineInfo unreachable(String error) {
        return new EngineInfo(false, null, null, false, null, null, error);
    }
}
