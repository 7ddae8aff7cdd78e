package dev.berth.core;

import java.util.List;

/**
 * What the site lets any job do: images by pattern (empty: any), the most CPUs and memory one job
 * may ask for and the memory of one that asks none (nulls: no rule), whether it may run as root or
 * use GPUs, and the limits every container gets ({@code noNewPrivileges}, {@code pidsLimit}; 0: none).
 */
public record SitePolicy(List<String> allowedImages, Double maxCpus, Long maxMemoryMb, Long defaultMemoryMb,
                         boolean allowRootUser, boolean allowGpus, boolean noNewPrivileges, long pidsLimit) {

    /** No rules at all, as before Berth had a policy. */
    public static final SitePolicy NONE = new SitePolicy(List.of(), null, null, null, true, true, false, 0);

    public SitePolicy {
        allowedImages = List.copyOf(allowedImages);
    }
}
