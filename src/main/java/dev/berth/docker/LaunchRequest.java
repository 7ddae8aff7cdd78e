package dev.berth.docker;

import dev.berth.core.ResolvedSpec;
import java.util.Map;

/** Everything a backend needs to create one job attempt: its deterministic name, labels and spec. */
public record LaunchRequest(String name, Map<String, String> labels, ResolvedSpec spec) {
}
