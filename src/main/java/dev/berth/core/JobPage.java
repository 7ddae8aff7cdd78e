package dev.berth.core;

import java.util.List;

/** One page of a job listing and the cursor of the next page (null on the last page). */
public record JobPage(List<JobRecord> items, String next) {
}
