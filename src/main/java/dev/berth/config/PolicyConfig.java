package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.berth.core.SitePolicy;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code policy} section of config.yml: what any job may do to the host, checked at submit (a
 * 422 naming the rule) and, for what the engine enforces, set on every container and service.
 */
public class PolicyConfig {
    /** Image name patterns a job may use ({@code *} matches anything); empty: any image. */
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private List<String> allowedImages = new ArrayList<>();

    @Min(0)
    @JsonProperty
    private Double maxCpus;

    @Min(1)
    @JsonProperty
    private Long maxMemoryMb;

    /** The memory limit of a job that gives none; null: none. */
    @Min(1)
    @JsonProperty
    private Long defaultMemoryMb;

    @JsonProperty
    private boolean allowRootUser = true;

    @JsonProperty
    private boolean allowGpus = true;

    @JsonProperty
    private boolean noNewPrivileges = true;

    /** Processes a job's container may have at once; 0: the engine's default (none). */
    @Min(0)
    @JsonProperty
    private long pidsLimit = 4096;

    public SitePolicy build() {
        return new SitePolicy(allowedImages, maxCpus, maxMemoryMb, defaultMemoryMb, allowRootUser, allowGpus,
                noNewPrivileges, pidsLimit);
    }
}
