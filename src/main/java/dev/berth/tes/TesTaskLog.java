package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** One attempt of a task (tesTaskLog): its executors' logs, the outputs copied, what Berth saw. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TesTaskLog(
        List<TesExecutorLog> logs,
        Map<String, String> metadata,
        String startTime,
        String endTime,
        List<TesOutputFileLog> outputs,
        List<String> systemLogs) {
}
