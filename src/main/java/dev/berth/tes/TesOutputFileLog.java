package dev.berth.tes;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One file copied out (tesOutputFileLog); {@code size_bytes} is a string, as the schema has it (int64). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TesOutputFileLog(String url, String path, String sizeBytes) {
}
