package dev.berth.docker;

import java.util.Map;
import java.util.TreeMap;

/** The labels that mark a Docker object as Berth's, and say which job attempt and step it runs. */
public final class BerthLabels {
    public static final String MANAGED = "berth.managed";
    public static final String JOB = "berth.job";
    public static final String ATTEMPT = "berth.attempt";
    /** The step's index; objects of the previous release, which had one step per job, lack it. */
    public static final String STEP = "berth.step";
    public static final String INSTANCE = "berth.instance";
    /**
     * Which process of the instance created the object (see {@code GET /api/v1/info}'s member): for
     * operators, never used to claim it (any member may adopt any object of the instance).
     */
    public static final String MEMBER = "berth.member";

    private BerthLabels() {
    }

    /** The labels of an attempt's object as the previous release set them: no step label. */
    public static Map<String, String> of(String instanceId, String jobId, int attempt) {
        return Map.of(MANAGED, "true", INSTANCE, instanceId, JOB, jobId, ATTEMPT, Integer.toString(attempt));
    }

    public static Map<String, String> of(String instanceId, String jobId, int attempt, int step) {
        Map<String, String> labels = new TreeMap<>(of(instanceId, jobId, attempt));
        labels.put(STEP, Integer.toString(step));
        return labels;
    }

    /** A command's own container labels, with Berth's on top: no command can pose as another job. */
    public static Map<String, String> onto(Map<String, String> labels, String instanceId, String jobId, int attempt,
                                           int step) {
        Map<String, String> all = new TreeMap<>(labels);
        all.putAll(of(instanceId, jobId, attempt, step));
        return all;
    }

    /** The filter that lists this instance's objects and nothing else. */
    public static Map<String, String> ownedBy(String instanceId) {
        return Map.of(MANAGED, "true", INSTANCE, instanceId);
    }

    /** The step index an object's labels name: 0 for the previous release's objects. */
    static int stepOf(Map<String, String> labels) {
        String step = labels.get(STEP);
        return step == null ? 0 : Integer.parseInt(step);
    }

    /** The object of a single-step job's attempt: the name the previous release gave it too. */
    public static String objectName(String jobId, int attempt) {
        return "berth-" + jobId + "-" + attempt;
    }

    /**
     * The object of one step: a job of one step keeps {@code berth-<id>-<attempt>}, so that objects
     * launched before jobs had steps are still adopted; steps of a longer job get their index.
     */
    public static String objectName(String jobId, int attempt, int step, int stepCount) {
        return stepCount == 1 ? objectName(jobId, attempt) : objectName(jobId, attempt) + "-" + step;
    }

    /** The volume an attempt mounts at its {@code index}-th shared path. */
    public static String volumeName(String jobId, int attempt, int index) {
        return objectName(jobId, attempt) + "-volume-" + index;
    }
}
