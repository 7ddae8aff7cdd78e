package dev.berth.tes;

import java.util.List;
import java.util.Map;

/**
 * What a task needs on the host before its job may run: the content of its literal inputs (by the
 * input's index, written to {@code inputs/<index>}), its shared directories ({@code dirs/<index>})
 * and the directories to make inside them.
 */
record StagingPlan(Map<Integer, String> contents, int sharedDirectories, List<SharedDirectories.Location> nested) {
    StagingPlan {
        contents = Map.copyOf(contents);
        nested = List.copyOf(nested);
    }

    boolean isEmpty() {
        return contents.isEmpty() && sharedDirectories == 0;
    }
}
