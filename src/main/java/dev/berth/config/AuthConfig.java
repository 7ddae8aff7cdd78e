package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/**
 * The {@code auth} section of config.yml: bearer tokens on (the default), and where the first admin
 * token is written when none exists. {@code enabled: false} is for a single-user laptop only.
 */
public class AuthConfig {
    @JsonProperty
    private boolean enabled = true;

    @NotEmpty
    @JsonProperty
    private String bootstrapTokenFile = "data/admin.token";

    public boolean isEnabled() {
        return enabled;
    }

    public String getBootstrapTokenFile() {
        return bootstrapTokenFile;
    }
}
