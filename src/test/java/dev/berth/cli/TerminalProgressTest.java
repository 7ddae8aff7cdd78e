package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final StringWriter shown = new StringWriter();
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(shown), 80);

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
    void thePhasesPassedGiveWayWhenTheLineWouldNotFitTheTerminal() {
        TerminalProgress narrow = new TerminalProgress(new PrintWriter(shown), 40);
        narrow.trail(line("Pending BackOff", "Pending (BackOff, next attempt in 00:05)"));
        narrow.trail(line("Launching Launched", "Launching"));

        assertThat(narrow.trail(line("Running Started", "Running 00:42"))).isEqualTo("Launching → Running 00:42");
        assertThat(narrow.trail(line("Failed NonZeroExit", "Failed (NonZeroExit) exit 3 after a very long run")))
                .hasSize(39).startsWith("Failed (NonZeroExit) exit 3");
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
