package dev.berth.api;

/**
 * What Berth and its engine are: for operators and for clients that adapt to the server.
 * {@code member} names this process among those sharing the database (all share {@code instanceId});
 * {@code leader} says whether it is the one that reconciles. {@code tes} is the base path of the
 * GA4GH TES endpoints (null when tes.enabled is false).
 */
public record InfoView(String version, String dockerHost, boolean engineReachable, String engineVersion,
                       String engineApiVersion, String engineError, boolean swarmMode,
                       boolean engineSwarmManager, String instanceId, String member, boolean leader,
                       String tes) {
}
