package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tes} section of config.yml: the GA4GH Task Execution Service endpoints at
 * /ga4gh/tes/v1 (see docs/tes.md).
 */
public class TesConfig {
    @JsonProperty
    private boolean enabled = true;

    /**
     * Where tasks' files are staged on the host (literal inputs, volumes, the directories outputs
     * are written in); relative paths are taken from Berth's working directory. In a swarm of
     * several nodes it must be storage every node sees at the same path, as must the allowed
     * mount roots tasks read inputs from.
     */
    @NotBlank
    @JsonProperty
    private String workDirectory = "data/tes";

    /** Swarm mode: constraints added to every task that uses host files (inputs, outputs, volumes). */
    @NotNull
    @JsonProperty
    private List<String> storageConstraints = new ArrayList<>();

    /**
     * The user executors run as (a name or uid, optionally :group), as a job's {@code user}; null:
     * the image's. Needed with policy.allowRootUser false, since TES tasks name no user.
     */
    @JsonProperty
    private String user;

    /** Who runs this service, as /service-info says; the URL defaults to the address the request came to. */
    @NotBlank
    @JsonProperty
    private String organizationName = "Berth";

    @JsonProperty
    private String organizationUrl;

    public boolean isEnabled() {
        return enabled;
    }

    public String getWorkDirectory() {
        return workDirectory;
    }

    public List<String> getStorageConstraints() {
        return storageConstraints;
    }

    public String getUser() {
        return user;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public String getOrganizationUrl() {
        return organizationUrl;
    }
}
