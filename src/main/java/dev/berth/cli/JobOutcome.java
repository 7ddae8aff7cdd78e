package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@code run --wait} exits with for a job that has ended: its exit code when that tells its outcome. */
final class JobOutcome {
    private JobOutcome() {
    }

    /**
     * The job's exit code, 0 only for a job that succeeded; otherwise {@link ExitCodes#NO_EXIT_CODE},
     * with a line saying how it ended.
     */
    static int exitCode(JsonNode job) {
        String exitCode = Fields.text(job, "status", "exitCode");
        String phase = Fields.text(job, "status", "phase");
        if (exitCode.isEmpty() || (!"Succeeded".equals(phase) && Integer.parseInt(exitCode) == 0)) {
            throw new CliFailure(ExitCodes.NO_EXIT_CODE, "job " + Fields.text(job, "id") + " ended " + phase + " ("
                    + Fields.text(job, "status", "reason") + ") " + (exitCode.isEmpty() ? "without an exit code"
                    : "with exit code 0") + ": " + Fields.text(job, "status", "message"));
        }
        return Integer.parseInt(exitCode);
    }
}
