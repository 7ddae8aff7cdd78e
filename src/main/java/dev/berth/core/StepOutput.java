package dev.berth.core;

/**
 * What one step wrote, each stream kept apart and bounded on its own. Output captured by a release
 * before streams were kept apart has only {@code combined} (stdout and stderr as they came).
 */
public record StepOutput(CapturedLog stdout, CapturedLog stderr, CapturedLog combined) {

    public static final StepOutput NONE = new StepOutput(CapturedLog.EMPTY, CapturedLog.EMPTY, null);

    public StepOutput(CapturedLog stdout, CapturedLog stderr) {
        this(stdout, stderr, null);
    }

    /** True when the output predates separate streams. */
    public boolean isCombined() {
        return combined != null;
    }

    public boolean truncated() {
        return isCombined() ? combined.droppedBytes() > 0 : stdout.droppedBytes() > 0 || stderr.droppedBytes() > 0;
    }

    /** Both streams as one text: stdout, then stderr (or the combined text of old output). */
    public String text() {
        return isCombined() ? combined.text() : stdout.text() + stderr.text();
    }
}
