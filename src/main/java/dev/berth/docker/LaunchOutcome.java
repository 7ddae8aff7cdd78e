package dev.berth.docker;

import dev.berth.core.Reason;

/** The result of asking Docker to run one job attempt. */
public sealed interface LaunchOutcome {

    /** The object exists and was started; {@code adopted} when an earlier launch had created it. */
    record Launched(String objectId, boolean adopted) implements LaunchOutcome { }

    /** Docker refused: the job fails with this reason and the engine's message. */
    record Refused(Reason reason, String message) implements LaunchOutcome { }
}
