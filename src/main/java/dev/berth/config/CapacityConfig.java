package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * The {@code docker.capacity} section: the CPUs and memory plain containers may take at once.
 * Each is a number or {@code auto} (the engine host's, from its {@code NCPU} and memory); both are
 * multiplied by {@code overcommit}. A job waits while its resources do not fit.
 */
public class CapacityConfig {
    static final String AUTO = "auto";

    @JsonProperty
    private String cpus = AUTO;

    @JsonProperty
    private String memoryMb = AUTO;

    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100")
    @JsonProperty
    private double overcommit = 1.0;

    /** Null: {@code auto}. */
    @JsonIgnore
    public Double getCpus() {
        return AUTO.equals(cpus) ? null : Double.valueOf(cpus);
    }

    /** Null: {@code auto}. */
    @JsonIgnore
    public Long getMemoryMb() {
        return AUTO.equals(memoryMb) ? null : Long.valueOf(memoryMb);
    }

    public double getOvercommit() {
        return overcommit;
    }

    @JsonIgnore
    @AssertTrue(message = "cpus must be auto or a number above 0")
    public boolean isCpusValid() {
        if (AUTO.equals(cpus)) {
            return true;
        }
        try {
            double value = Double.parseDouble(cpus);
            return value > 0 && !Double.isInfinite(value);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    @JsonIgnore
    @AssertTrue(message = "memoryMb must be auto or a whole number of megabytes above 0")
    public boolean isMemoryMbValid() {
        if (AUTO.equals(memoryMb)) {
            return true;
        }
        try {
            return Long.parseLong(memoryMb) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
