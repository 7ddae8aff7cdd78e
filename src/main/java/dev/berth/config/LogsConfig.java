package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MaxDataSize;
import jakarta.validation.constraints.NotNull;

/** The {@code logs} section of config.yml. */
public class LogsConfig {
    /** Per job; beyond it the beginning of the output is dropped and a marker says so. */
    @NotNull
    @MaxDataSize(value = 64, unit = io.dropwizard.util.DataSizeUnit.MEBIBYTES)
    @JsonProperty
    private DataSize maxBytes = DataSize.mebibytes(1);

    public DataSize getMaxBytes() {
        return maxBytes;
    }
}
