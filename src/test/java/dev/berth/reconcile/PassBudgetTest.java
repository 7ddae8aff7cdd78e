package dev.berth.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** One job at a time in a row: five passes of 5 ms within half a second, job after job. */
    @Test
    void cheapPassesNeverWaitHoweverOftenTheyAreWoken() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            budget.acquire();
            pass(5);
            now += millis(95);
        }

        assertThat(slept).isEmpty();
    }

    /** A burst: every pass is woken again at once, and each takes 30 ms. */
    @Test
    void expensivePassesWokenWithoutPauseTakeTheirShareOfTheTimeOnceTheSavedTimeIsSpent()
            throws InterruptedException {
        long start = now;
        int passes = 0;
        while (now - start < TimeUnit.SECONDS.toNanos(60)) {
            budget.acquire();
            pass(30);
            passes++;
        }

        long passTime = millis(30) * passes;
        assertThat((double) passTime).isLessThanOrEqualTo(PassBudget.SHARE * (now - start) + PassBudget.SAVED
                + millis(30));
        assertThat((double) passTime).isGreaterThan(PassBudget.SHARE * (now - start) - millis(30));
        assertThat(slept).isNotEmpty().allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(millis(300)));
    }

    @Test
    void theWaitAfterAnOverspendIsWhatTheShareTakesToPayItBack() throws InterruptedException {
        pass(TimeUnit.NANOSECONDS.toMillis(PassBudget.SAVED) + 20);

        budget.acquire();

        assertThat(slept).containsExactly((long) Math.ceil(millis(20) / PassBudget.SHARE));
    }

    @Test
    void aQuietSpellSavesNoMoreThanTheCap() throws InterruptedException {
        now += TimeUnit.HOURS.toNanos(1);
        pass(TimeUnit.NANOSECONDS.toMillis(PassBudget.SAVED));
        budget.acquire();
        assertThat(slept).isEmpty();

        pass(10);
        budget.acquire();

        assertThat(slept).hasSize(1);
    }

    @Test
    void aPassThatFailsIsChargedToo() throws InterruptedException {
        assertThatThrownBy(() -> budget.spend(() -> {
            now += PassBudget.SAVED + millis(10);
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);

        budget.acquire();

        assertThat(slept).hasSize(1);
    }

    private void pass(long durationMillis) {
        budget.spend(() -> now += millis(durationMillis));
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
