package dev.prdarts.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies the INFO log into a file of the run folder while a command runs. */
final class RunLog implements AutoCloseable {

    private final FileAppender<ILoggingEvent> appender;
    private final ch.qos.logback.classic.Logger root;

    private RunLog(FileAppender<ILoggingEvent> appender, ch.qos.logback.classic.Logger root) {
        this.appender = appender;
        this.root = root;
    }

    /** Starts copying every INFO (and higher) message to {@code file}, appending to it. */
    static RunLog start(Path file) {
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
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.addFilter(info);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new RunLog(appender, root);
    }

    /** Stops copying and closes the file. */
    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
