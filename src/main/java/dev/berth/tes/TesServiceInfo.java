package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What /service-info says (GA4GH service-info 1.0 with the TES additions): who runs Berth, that it
 * speaks TES 1.1, where its file URLs may lead, and the backend_parameters it knows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TesServiceInfo(
        String id,
        String name,
        ServiceType type,
        String description,
        Organization organization,
        String documentationUrl,
        String version,
        List<String> storage,
        @JsonProperty("tesResources_backend_parameters") List<String> backendParameters) {

    /** The service's kind: org.ga4gh's tes, version 1.1.0. */
    public record ServiceType(String group, String artifact, String version) {
        public static final ServiceType TES = new ServiceType("org.ga4gh", "tes", "1.1.0");
    }

    public record Organization(String name, String url) { }

    public static TesServiceInfo of(String instanceId, String version, Organization organization, List<String> storage) {
        return new TesServiceInfo("dev.berth." + instanceId, "Berth", ServiceType.TES,
                "Berth runs TES tasks as jobs on Docker (plain containers or swarm services)", organization, null,
                version, storage, TaskRules.BACKEND_PARAMETERS);
    }
}
