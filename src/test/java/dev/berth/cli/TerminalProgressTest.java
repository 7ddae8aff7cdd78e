package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final StringWriter shown = new StringWriter();
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(shown));

    @Test
    void theLineLeadsWithThePhasesPassedEachAsLastSeen() {
        assertThat(progress.trail(line("Pending Queued", "Pending (Queued 3/12)"))).isEqualTo("Pending (Queued 3/12)");
        assertThat(progress.trail(line("Pending Queued", "Pending (Queued 1/12)"))).isEqualTo("Pending (Queued 1/12)");
        assertThat(progress.trail(line("Launching Launched", "Launching")))
                .isEqualTo("Pending (Queued 1/12) → Launching");
        assertThat(progress.trail(line("Running Started", "Running 00:42")))
                .isEqualTo("Pending (Queued 1/12) → Launching → Running 00:42");
    }

    @Test
    void onlyTheLastThreePhasesPassedAreKept() {
        for (String phase : new String[] {"Pending", "Launching", "Running", "Pending", "Launching"}) {
            progress.trail(line(phase + " x", phase));
        }

        assertThat(progress.trail(line("Running Started", "Running 00:01")))
                .isEqualTo("Running → Pending → Launching → Running 00:01");
    }

    @Test
    void eachShowRewritesTheLineAndClearsWhatWasLonger() {
        progress.show(line("Pending Queued", "Pending (Queued 10/12)"));
        progress.show(line("Pending Queued", "Pending (Queued 9/12)"));

        assertThat(shown.toString()).isEqualTo("\rPending (Queued 10/12)\rPending (Queued 9/12) ");
    }

    private static ProgressLine line(String phaseAndReason, String text) {
        return new ProgressLine(phaseAndReason, text);
    }
}
