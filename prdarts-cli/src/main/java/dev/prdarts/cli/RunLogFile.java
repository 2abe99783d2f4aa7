package dev.prdarts.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.read.ListAppender;
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
        return open(file, append, null);
    }

    /**
     * Starts writing INFO and above to {@code file} like {@link #open(Path, boolean)}, first the
     * events {@code early} kept; {@code early} stops keeping events.
     */
    static RunLogFile open(Path file, boolean append, Early early) {
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
        if (early != null) {
            early.close();
            for (ILoggingEvent event : early.list.list) {
                if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO)) {
                    appender.doAppend(event);
                }
            }
        }
        root.addAppender(appender);
        return new RunLogFile(root, appender);
    }

    /**
     * Starts keeping the log events of a run whose folder does not exist yet (while its settings
     * are checked), to write them into the run's log file once it is opened.
     */
    static Early early() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> list = new ListAppender<>();
        list.setContext(context);
        list.setName("run-log-early");
        list.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(list);
        return new Early(root, list);
    }

    /** The log events kept before a run's folder exists; closing stops keeping them. */
    static final class Early implements AutoCloseable {

        private final Logger root;
        private final ListAppender<ILoggingEvent> list;

        private Early(Logger root, ListAppender<ILoggingEvent> list) {
            this.root = root;
            this.list = list;
        }

        /** Stops keeping events. */
        @Override
        public void close() {
            root.detachAppender(list);
            list.stop();
        }
    }

    /** Writes an ERROR line to the run's log file only, not to the console. */
    void error(String message) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LoggingEvent event =
                new LoggingEvent(
                        RunLogFile.class.getName(),
                        context.getLogger(RunLogFile.class),
                        ch.qos.logback.classic.Level.ERROR,
                        message,
                        null,
                        null);
        appender.doAppend(event);
    }

    /** Stops writing the file. */
    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
