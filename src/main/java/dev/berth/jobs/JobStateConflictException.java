package dev.berth.jobs;

/** The request does not fit the job's phase (cancelling a finished job, deleting a live one). */
public class JobStateConflictException extends RuntimeException {
    public JobStateConflictException(String message) {
        super(message);
    }
}
