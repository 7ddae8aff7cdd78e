package dev.berth.docker;

import java.util.Map;

/** The labels that mark a Docker object as Berth's, and say which job attempt it runs. */
public final class BerthLabels {
    public static final String MANAGED = "berth.managed";
    public static final String JOB = "berth.job";
    public static final String ATTEMPT = "berth.attempt";
    public static final String INSTANCE = "berth.instance";

    private BerthLabels() {
    }

    public static Map<String, String> of(String instanceId, String jobId, int attempt) {
        return Map.of(MANAGED, "true", INSTANCE, instanceId, JOB, jobId, ATTEMPT, Integer.toString(attempt));
    }

    /** A command's own container labels, with Berth's on top: no command can pose as another job. */
    public static Map<String, String> onto(Map<String, String> labels, String instanceId, String jobId, int attempt) {
        Map<String, String> all = new java.util.TreeMap<>(labels);
        all.putAll(of(instanceId, jobId, attempt));
        return all;
    }

    /** The filter that lists this instance's objects and nothing else. */
    public static Map<String, String> ownedBy(String instanceId) {
        return Map.of(MANAGED, "true", INSTANCE, instanceId);
    }

    public static String objectName(String jobId, int attempt) {
        return "berth-" + jobId + "-" + attempt;
    }
}
