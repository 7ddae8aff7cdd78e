package dev.berth.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The budget's arithmetic on a clock of its own: nothing here waits or measures real time. */
class PassBudgetTest {
    private long now = 1_000;
    private final List<Long> slept = new ArrayList<>();
    private final PassBudget budget = new PassBudget(() -> now, nanos -> {
        slept.add(nanos);
        now += nanos;
    });

    @Test
    void aBurstOfPassesRunsAtOnceThenOneEveryFifthOfASecond() throws InterruptedException {
        for (int i = 0; i < PassBudget.BURST; i++) {
            budget.acquire();
        }
        assertThat(slept).isEmpty();

        budget.acquire();
        budget.acquire();

        assertThat(slept).containsExactly(TimeUnit.MILLISECONDS.toNanos(200), TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void passesFurtherApartThanTheRateNeverWait() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            budget.acquire();
            now += TimeUnit.MILLISECONDS.toNanos(250);
        }

        assertThat(slept).isEmpty();
    }

    @Test
    void aQuietSpellRefillsTheBurstButNoMore() throws InterruptedException {
        for (int i = 0; i < PassBudget.BURST; i++) {
            budget.acquire();
        }
        now += TimeUnit.SECONDS.toNanos(60);

        for (int i = 0; i < PassBudget.BURST; i++) {
            budget.acquire();
        }
        assertThat(slept).isEmpty();
        budget.acquire();
        assertThat(slept).hasSize(1);
    }
}
