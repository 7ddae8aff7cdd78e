package dev.berth.cli;

import java.io.PrintWriter;

/** One line per change, naming the job: {@code job 01kc... Pending (Queued 3/12)}. */
final class PlainProgress implements Progress {
    private final PrintWriter err;
    private final String jobId;
    private String last = "";

    PlainProgress(PrintWriter err, String jobId) {
        this.err = err;
        this.jobId = jobId;
    }

    @Override
    public void show(ProgressLine line) {
        if (!line.phaseAndReason().equals(last)) {
            err.println("job " + jobId + " " + line.text());
            err.flush();
            last = line.phaseAndReason();
        }
    }

    @Override
    public void done() {
        // every line is ended as it is printed
    }
}
