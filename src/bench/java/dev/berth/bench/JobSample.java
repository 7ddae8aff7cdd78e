package dev.berth.bench;

import java.time.Instant;

/**
 * What one job's run showed, as epoch milliseconds (fractional where Docker gives nanoseconds);
 * NaN where unknown. Berth and the baseline fill the same five moments, each in its own way:
 * <ul>
 *   <li>{@code submittedAt}: Berth: the driver's clock as the POST was sent; baseline: as the create was sent.</li>
 *   <li>{@code startedAt}: the moment the job counts as running (see {@link BerthRound} and the baselines).</li>
 *   <li>{@code finishedAt}: the container's exit as Docker reports it (State.FinishedAt).</li>
 *   <li>{@code recordedAt}: Berth: when it wrote the terminal phase; baseline: when it had the exit code.</li>
 *   <li>{@code outputAt}: when the runner had all that Berth records of the end: the exit code, the
 *   container's state and its logs. Berth: {@code recordedAt}, since it writes them in the terminal
 *   phase's transaction; baseline: when its logs call returned, after the inspect.</li>
 * </ul>
 */
record JobSample(String id, double submittedAt, double startedAt, double finishedAt, double recordedAt,
                 double outputAt, boolean succeeded) {

    double submitToRunningMillis() {
        return startedAt - submittedAt;
    }

    double exitToRecordedMillis() {
        return recordedAt - finishedAt;
    }

    double exitToOutputMillis() {
        return outputAt - finishedAt;
    }

    /** Berth's: its terminal phase, exit code and output are written at once. */
    JobSample withRecordedAt(double millis) {
        return new JobSample(id, submittedAt, startedAt, finishedAt, millis, millis, succeeded);
    }

    /** Docker's and Berth's times: ISO-8601 with up to nanoseconds; Docker's zero time means "never". */
    static double millis(String iso) {
        if (iso == null || iso.isBlank() || iso.startsWith("0001-")) {
            return Double.NaN;
        }
        Instant instant = Instant.parse(iso);
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1_000_000.0;
    }
}
