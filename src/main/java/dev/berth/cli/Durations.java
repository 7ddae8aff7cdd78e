package dev.berth.cli;

import java.time.Duration;
import java.time.Instant;

/** Times for people: a job's age as kubectl prints it (45s, 12m, 3h, 5d), and a clock (00:42, 1:02:03). */
final class Durations {
    private Durations() {
    }

    /** Empty when the time is unknown (the field was absent). */
    static String age(String isoTime, Instant now) {
        if (isoTime == null || isoTime.isEmpty()) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(Instant.parse(isoTime), now).toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds < 172_800 ? seconds / 3600 + "h" : seconds / 86_400 + "d";
    }

    static String clock(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        long hours = seconds / 3600;
        String minutesAndSeconds = String.format("%02d:%02d", seconds / 60 % 60, seconds % 60);
        return hours == 0 ? minutesAndSeconds : hours + ":" + minutesAndSeconds;
    }
}
