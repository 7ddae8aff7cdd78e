package dev.berth.docker;

/**
 * What the engine says of itself. {@code error} is set (and the rest null) when it did not answer.
 */
public record EngineInfo(boolean reachable, String version, String apiVersion, boolean swarmManager,
                         String error) {

    public static EngineInfo unreachable(String error) {
        return new EngineInfo(false, null, null, false, error);
    }
}
