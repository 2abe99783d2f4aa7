package dev.prdarts.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.prdarts.hardware.ResidentMemoryGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code prdarts} command. */
@Command(
        name = "prdarts",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "PR-DARTS: prune-and-replace neural architecture search on the JVM.",
        subcommands = {
            CommandLine.HelpCommand.class,
            SearchCommand.class,
            SpacesCommand.class,
            GenotypeCommand.class,
            ReportCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            EvaluateCommand.class
        })
public final class Main implements Runnable {

    /** Exit code of every error the user can fix: bad input, bad config, missing files. */
    public static final int EXIT_USAGE = 2;

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Log at DEBUG level and print stack traces of errors.")
    void setDebug(boolean debug) {
        Main.debug = debug;
        if (debug) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(Level.DEBUG);
        }
    }

    private static boolean debug;

    @Option(
            names = "--plugins",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description =
                    "A folder of plugin jars, or one jar; repeatable. Default: the path list in"
                            + " $PRDARTS_PLUGINS.")
    private List<Path> pluginLocations = new ArrayList<>();

    private Plugins plugins;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Returns the plugins of this run, opened on first use from {@code --plugins} or {@value
     * Plugins#ENV}.
     */
    Plugins plugins() {
        if (plugins == null) {
            plugins =
                    Plugins.open(
                            pluginLocations,
                            System.getenv(Plugins.ENV),
                            Main.class.getClassLoader());
        }
        return plugins;
    }

    private void closePlugins(PrintWriter err) {
        if (plugins != null) {
            try {
                plugins.close();
            } catch (IOException e) {
                err.println("prdarts: warning: could not close plugin jars: " + e.getMessage());
            }
        }
    }

    /**
     * Runs the command and exits with its code.
     *
     * <p>A memory guard watches the process meanwhile: should it come close to the machine's memory
     * (a network or batch far too large for it), it prints one error line and halts with {@link
     * #EXIT_USAGE} before the kernel kills the process without a word.
     */
    public static void main(String[] args) {
        ResidentMemoryGuard.startDefault(Main::haltOutOfMemory);
        System.exit(run(args));
    }

    private static void haltOutOfMemory(String message) {
        System.out.flush();
        System.err.println("prdarts: error: " + message);
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_USAGE);
    }

    /** Runs the command with the given arguments and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command, writing results to {@code out} and errors to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        DjlSettings.applyOffline();
        debug = false;
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        // an empty path would mean the current folder: a run would land among the user's files
        cli.registerConverter(
                Path.class,
                value -> {
                    if (value.isBlank()) {
                        throw new CommandLine.TypeConversionException(
                                "an empty value is not a path");
                    }
                    return Path.of(value);
                });
        cli.setParameterExceptionHandler(
                (ex, a) -> {
                    err.println("prdarts: error: " + Errors.usage(ex));
                    if (debug) {
                        ex.printStackTrace(err);
                    }
                    return EXIT_USAGE;
                });
        cli.setExecutionExceptionHandler(
                (ex, c, parse) -> {
                    err.println("prdarts: error: " + Errors.oneLine(ex));
                    if (debug) {
                        ex.printStackTrace(err);
                    }
                    return EXIT_USAGE;
                });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // the JVM's own heap or direct-buffer limit: one line, like every other error
            err.println(
                    "prdarts: error: out of memory ("
                            + e.getMessage()
                            + "); use fewer channels or cells, a smaller batch, or a larger"
                            + " -Xmx in PRDARTS_JAVA_OPTS");
            if (debug) {
                e.printStackTrace(err);
            }
            code = EXIT_USAGE;
        }
        main.closePlugins(err);
        err.flush();
        out.flush();
        return code;
    }

    /** Returns whether {@code --debug} was given. */
    static boolean debug() {
        return debug;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"prdarts " + (v == null ? "development build" : v)};
        }
    }
}
