package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How one executor ran (tesExecutorLog); {@code stdout} and {@code stderr} are tails, in FULL only. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TesExecutorLog(String startTime, String endTime, String stdout, String stderr, int exitCode) {
}
