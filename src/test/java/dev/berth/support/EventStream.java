package dev.berth.support;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The engine's event stream as a test follows it: each event goes to {@code onEvent}, and a stream
 * that breaks or ends before the test closes it is remembered, so that counts drawn from it are
 * never trusted when they may be incomplete.
 */
final class EventStream extends ResultCallback.Adapter<Event> {
    private final Consumer<Event> onEvent;
    private volatile String broken;
    private volatile boolean closing;

    EventStream(Consumer<Event> onEvent) {
        this.onEvent = onEvent;
    }

    /** Fails when the stream broke or ended: what was counted from it may be incomplete. */
    void assertUnbroken() {
        if (broken != null) {
            throw new AssertionError("the engine's event stream broke, so the counts are incomplete: " + broken);
        }
    }

    @Override
    public void onNext(Event event) {
        onEvent.accept(event);
    }

    @Override
    public void onError(Throwable error) {
        broken = closing ? broken : String.valueOf(error);
        super.onError(error);
    }

    @Override
    public void onComplete() {
        broken = closing ? broken : "the engine ended it";
        super.onComplete();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        super.close();
    }
}
