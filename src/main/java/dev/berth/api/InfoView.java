package dev.berth.api;

/** What Berth and its engine are: for operators and for clients that adapt to the server. */
public record InfoView(String version, String dockerHost, boolean engineReachable, String engineVersion,
                       String engineApiVersion, String engineError, boolean swarmMode,
                       boolean engineSwarmManager, String instanceId) {
}
