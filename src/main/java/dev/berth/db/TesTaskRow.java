package dev.berth.db;

/**
 * A job submitted as a GA4GH TES task: the task as accepted (JSON), its TES name, the key of its
 * staged files, and, once its outputs were handled ({@code finishedAt}, epoch ms), the output files
 * copied (JSON) or the problem that stopped them; {@code notes} (JSON) say what Berth did not do as asked.
 */
public record TesTaskRow(String jobId, String name, String task, String staging, Long finishedAt, String outputs,
                         String problem, String notes) {
}
