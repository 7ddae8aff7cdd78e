package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code api} section of config.yml: how much a client may send. */
public class ApiConfig {
    @NotNull
    @JsonProperty
    private DataSize maxBodySize = DataSize.kibibytes(256);

    @Min(0)
    @Max(1000)
    @JsonProperty
    private int maxLabels = 64;

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public int getMaxLabels() {
        return maxLabels;
    }
}
