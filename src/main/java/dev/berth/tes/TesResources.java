package dev.berth.tes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** What a task asks for (tesResources); {@code backend_parameters} keep only the keys Berth knows. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TesResources(
        Integer cpuCores,
        Boolean preemptible,
        Double ramGb,
        Double diskGb,
        List<String> zones,
        Map<String, String> backendParameters,
        Boolean backendParametersStrict) {

    public TesResources withBackendParameters(Map<String, String> kept) {
        return new TesResources(cpuCores, preemptible, ramGb, diskGb, zones, kept, backendParametersStrict);
    }
}
