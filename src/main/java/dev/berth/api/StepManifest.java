package dev.berth.api;

import java.util.List;
import java.util.Map;

/** One step of a multi-step job as a user writes it; {@code continueOnError} defaults to false. */
public record StepManifest(
        String name,
        String image,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        String workingDir,
        String user,
        Boolean continueOnError) {
}
