package dev.berth.jobs;

/** A job with this name exists and its spec differs from the one submitted. */
public class NameConflictException extends RuntimeException {
    public NameConflictException(String name) {
        super("a job named " + name + " already exists with a different spec;"
                + " submit it under another name, or resubmit the same spec to get the existing job");
    }
}
