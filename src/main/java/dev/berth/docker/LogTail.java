package dev.berth.docker;

import dev.berth.core.CapturedLog;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code maxBytes} bytes of a stream. The end of a job's output is where failures
 * explain themselves, so when the bound is hit it is the beginning that goes.
 */
public final class LogTail {
    private final byte[] ring;
    private long total;

    public LogTail(int maxBytes) {
        this.ring = new byte[maxBytes];
    }

    public void append(byte[] bytes) {
        if (ring.length == 0) {
            total += bytes.length;
            return;
        }
        for (byte b : bytes) {
            ring[(int) (total % ring.length)] = b;
            total++;
        }
    }

    public CapturedLog toCapturedLog() {
        long dropped = Math.max(0, total - ring.length);
        byte[] kept = new byte[(int) Math.min(total, ring.length)];
        int start = (int) (dropped % Math.max(1, ring.length));
        for (int i = 0; i < kept.length; i++) {
            kept[i] = ring[(start + i) % ring.length];
        }
        String text = new String(kept, StandardCharsets.UTF_8);
        if (dropped > 0) {
            text = "[berth: the first " + dropped + " bytes of this log were dropped (logs.maxBytes)]\n" + text;
        }
        return new CapturedLog(text, dropped);
    }
}
