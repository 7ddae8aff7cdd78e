package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.regex.Pattern;

/**
 * The {@code docker.capacity} section: the CPUs and memory plain containers may take at once.
 * Each is a number or {@code auto} (the engine host's, from its {@code NCPU} and memory); both are
 * multiplied by {@code overcommit}. A job waits while its resources do not fit.
 */
public class CapacityConfig {
    static final String AUTO = "auto";
    /** Plain decimals only: no exponents, hex, signs, suffixes or blanks that parseDouble would take. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,6})?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,12}");

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
        return AUTO.equals(cpus) || (cpus != null && DECIMAL.matcher(cpus).matches() && Double.parseDouble(cpus) > 0);
    }

    @JsonIgnore
    @AssertTrue(message = "memoryMb must be auto or a whole number of megabytes above 0")
    public boolean isMemoryMbValid() {
        return AUTO.equals(memoryMb)
                || (memoryMb != null && WHOLE.matcher(memoryMb).matches() && Long.parseLong(memoryMb) > 0);
    }
}
