package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Resource limits of a job; absent fields mean "no limit". {@code reservations} may be null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resources(Double cpus, Long memoryMb, Reservations reservations) {
    public static final Resources NONE = new Resources(null, null, null);

    public Resources(Double cpus, Long memoryMb) {
        this(cpus, memoryMb, null);
    }
}
