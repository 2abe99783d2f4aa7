package dev.prdarts.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Copies the INFO log of a run into a file of its run folder while the run lasts. */
final class RunLogFile implements AutoCloseable {

    private final Logger root;
    private final FileAppender<ILoggingEvent> appender;

    private RunLogFile(Logger root, FileAppender<ILoggingEvent> appender) {
        this.root = root;
        this.appender = appender;
    }

    /** Starts writing INFO and above to {@code file} (replaced if it exists). */
    static RunLogFile open(Path file) {
        return open(file, false);
    }

    /**
     * Starts writing INFO and above to {@code file}, after what it holds when {@code append} (a
     * resumed run), else replacing it.
     */
    static RunLogFile open(Path file, boolean append) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss} %-5level %msg%n");
        encoder.start();
        ThresholdFilter info = new ThresholdFilter();
        info.setLevel("INFO");
        info.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("run-log");
        appender.setFile(file.toString());
        appender.setAppend(append);
        appender.setEncoder(encoder);
        appender.addFilter(info);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new RunLogFile(root, appender);
    }

    /** Stops writing the file. */
    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
