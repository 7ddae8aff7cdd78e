package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** The {@code docker.registryAuth} section: credentials for the registry that jobs' images come from. */
public class RegistryAuthConfig {
    /** The registry these credentials are for, as images name it: {@code registry.example.org:5000}. */
    @NotEmpty
    @JsonProperty
    private String serverAddress;

    @NotEmpty
    @JsonProperty
    private String username;

    @JsonProperty
    private String password = "";

    public String getServerAddress() {
        return serverAddress;
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }
}
