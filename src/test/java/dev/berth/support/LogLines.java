package dev.berth.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger (and those below it) writes while this is open, with their messages
 * formatted; the logger is given back as it was on close. Test classes run one after another in a
 * JVM, so no other test writes meanwhile.
 */
public final class LogLines implements AutoCloseable {
    private final Logger logger;
    private final Level levelBefore;
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

    /** {@code level}: the least that is captured (the logger's own level otherwise filters it). */
    public LogLines(String loggerName, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.levelBefore = logger.getLevel();
        seen.start();
        logger.setLevel(level);
        logger.addAppender(seen);
    }

    public List<String> messages() {
        return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(seen);
        logger.setLevel(levelBefore);
    }
}
