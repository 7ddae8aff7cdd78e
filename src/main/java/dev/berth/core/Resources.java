package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Resource limits of a job; absent fields mean "no limit". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resources(Double cpus, Long memoryMb) {
    public static final Resources NONE = new Resources(null, null);
}
