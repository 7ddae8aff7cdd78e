package dev.berth.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The random draws of the malformed-manifest fuzz: one {@link Random} shared by every family of
 * mutations, so that a seed replays the whole run. Each method draws exactly once from it, so the
 * sequence a seed gives depends only on which draws are made in which order, not on how the mutations
 * are split into classes.
 */
final class Draws {
    private final Random random;

    Draws(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** From {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    int nextInt() {
        return random.nextInt();
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
