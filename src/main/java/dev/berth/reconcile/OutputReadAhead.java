package dev.berth.reconcile;

import dev.berth.core.StepOutput;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Starts reading a step's output while its object is inspected, once the object is known to have
 * ended: the engine answers the inspect that tells how a container ended, and the read of its
 * output alike, only once it has put the container away (tens of ms after announcing its death),
 * so asked one after the other the terminal record waited for the second answer as well. The end is
 * known before the inspect (the listing shows it, or the death was announced) or while it waits (the
 * death is announced then: a short job exits while its first look, to record it running, is
 * under way).
 */
final class OutputReadAhead {
    private final Map<String, Inspection> underWay = new ConcurrentHashMap<>();

    /**
     * An inspection of the object {@code objectId} begins; {@code read} starts reading its output.
     * {@code ended}: it is known to have ended already, so the read starts now.
     */
    Inspection begin(String objectId, Supplier<CompletableFuture<StepOutput>> read, boolean ended) {
        Inspection inspection = new Inspection(objectId, read);
        underWay.put(objectId, inspection);
        if (ended) {
            inspection.start();
        }
        return inspection;
    }

    /** The engine announced the container's death: an inspection of it under way reads ahead now. */
    void died(String objectId) {
        Inspection inspection = underWay.get(objectId);
        if (inspection != null) {
            inspection.start();
        }
    }

    /** One inspection of one object, from its start until {@link #end}. */
    final class Inspection {
        private final String objectId;
        private final Supplier<CompletableFuture<StepOutput>> read;
        private CompletableFuture<StepOutput> output;
        private boolean over;

        private Inspection(String objectId, Supplier<CompletableFuture<StepOutput>> read) {
            this.objectId = objectId;
            this.read = read;
        }

        private synchronized void start() {
            if (output == null && !over) { // a death announced just as the inspection ended starts nothing
                output = read.get();
            }
        }

        /** The inspection is over: the read started for it, or null when none was. */
        synchronized CompletableFuture<StepOutput> end() {
            underWay.remove(objectId, this);
            over = true;
            return output;
        }
    }
}
