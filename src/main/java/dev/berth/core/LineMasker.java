package dev.berth.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Masks a stream of output chunks line by line: a sensitive value split across two chunks is still
 * masked, because only whole lines (and, at the end, the rest) are released.
 */
public final class LineMasker {
    private final SensitiveValues secrets;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public LineMasker(SensitiveValues secrets) {
        this.secrets = secrets;
    }

    /** The complete lines this chunk finishes, masked; the unfinished rest waits for the next chunk. */
    public byte[] accept(byte[] chunk) {
        pending.writeBytes(chunk);
        byte[] all = pending.toByteArray();
        int lastNewline = -1;
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            return new byte[0];
        }
        pending.reset();
        pending.write(all, lastNewline + 1, all.length - lastNewline - 1);
        return mask(new String(all, 0, lastNewline + 1, StandardCharsets.UTF_8));
    }

    public byte[] finish() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return mask(new String(rest, StandardCharsets.UTF_8));
    }

    private byte[] mask(String text) {
        return secrets.mask(text).getBytes(StandardCharsets.UTF_8);
    }
}
