package dev.berth.api;

import java.util.List;

/** A page of jobs, newest first; {@code next} is the cursor for {@code ?after=}, null on the last page. */
public record JobList(List<JobView> items, String next) {
}
