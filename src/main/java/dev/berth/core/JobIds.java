package dev.berth.core;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Makes job ids: 26 lower-case Crockford base-32 characters, a millisecond timestamp followed by
 * randomness (the ULID layout). Ids sort in submission order, which gives the API its newest-first
 * order and cursor, and their randomness keeps two Berth databases sharing one engine from ever
 * choosing the same container name.
 */
public final class JobIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int TIME_CHARS = 10;
    private static final int RANDOM_CHARS = 16;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private final int[] lastRandom = new int[RANDOM_CHARS];

    public JobIds(Clock clock) {
        this.clock = clock;
    }

    public synchronized String next() {
        long millis = clock.millis();
        if (millis <= lastMillis) {
            incrementRandom();
        } else {
            lastMillis = millis;
            for (int i = 0; i < RANDOM_CHARS; i++) {
                lastRandom[i] = random.nextInt(32);
            }
        }
        char[] id = new char[TIME_CHARS + RANDOM_CHARS];
        long time = lastMillis;
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            id[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id[TIME_CHARS + i] = ALPHABET[lastRandom[i]];
        }
        return new String(id);
    }

    /** Within one millisecond (or if the clock steps back) ids still grow: add one to the random part. */
    private void incrementRandom() {
        for (int i = RANDOM_CHARS - 1; i >= 0; i--) {
            if (lastRandom[i] < 31) {
                lastRandom[i]++;
                return;
            }
            lastRandom[i] = 0;
        }
        lastMillis++;
    }

    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != TIME_CHARS + RANDOM_CHARS) {
            return false;
        }
        for (char c : id.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
