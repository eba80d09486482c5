package dev.camelvobiz.test;

import java.io.StringWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures what the given loggers write at {@code level} and above, as Log4j formats it ({@code %p %c
 * %m %ex%n}: level, logger, message, any stack trace), until closed.
 */
public final class LogCapture implements AutoCloseable {

    private final StringWriter captured = new StringWriter();
    private final List<String> loggers;
    private final WriterAppender appender;

    private LogCapture(Level level, List<String> loggers) {
        this.loggers = loggers;
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = WriterAppender.newBuilder()
                .setName("capture-" + System.identityHashCode(this))
                .setTarget(captured)
                .setLayout(
                        PatternLayout.newBuilder().withPattern("%p %c %m %ex%n").build())
                .build();
        appender.start();
        config.addAppender(appender);
        for (String name : loggers) {
            LoggerConfig logger = new LoggerConfig(name, level, true);
            logger.addAppender(appender, level, null);
            config.addLogger(name, logger);
        }
        logging.updateLoggers();
    }

    public static LogCapture of(Level level, String... loggers) {
        return new LogCapture(level, List.of(loggers));
    }

    /** Everything captured so far. */
    public String text() {
        synchronized (captured) {
            return captured.toString();
        }
    }

    /** The captured lines (a stack trace's lines included). */
    public List<String> lines() {
        return text().lines().toList();
    }

    @Override
    public void close() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        loggers.forEach(logging.getConfiguration()::removeLogger);
        logging.updateLoggers();
        appender.stop();
    }
}
