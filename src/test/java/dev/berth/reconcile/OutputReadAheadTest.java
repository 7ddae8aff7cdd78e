package dev.berth.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.CapturedLog;
import dev.berth.core.StepOutput;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class OutputReadAheadTest {
    private final OutputReadAhead readAhead = new OutputReadAhead();
    private final AtomicInteger reads = new AtomicInteger();
    private final Supplier<CompletableFuture<StepOutput>> read = () -> {
        reads.incrementAndGet();
        return CompletableFuture.completedFuture(new StepOutput(new CapturedLog("out\n", 0), CapturedLog.EMPTY));
    };

    @Test
    void anObjectKnownToHaveEndedIsReadAtOnce() {
        var inspection = readAhead.begin("c1", read, true);

        assertThat(reads).hasValue(1);
        assertThat(inspection.end()).isCompletedWithValueMatching(output -> output.stdout().text().equals("out\n"));
    }

    @Test
    void aDeathAnnouncedWhileTheInspectionWaitsStartsTheReadOnce() {
        var inspection = readAhead.begin("c1", read, false);
        assertThat(reads).hasValue(0);

        readAhead.died("c1");
        readAhead.died("c1");

        assertThat(reads).hasValue(1);
        assertThat(inspection.end()).isNotNull();
    }

    @Test
    void withoutAnEndNothingIsReadAndADeathAfterTheInspectionReadsNothing() {
        var inspection = readAhead.begin("c1", read, false);
        readAhead.died("c2");

        assertThat(inspection.end()).isNull();
        readAhead.died("c1");

        assertThat(reads).hasValue(0);
    }
}
