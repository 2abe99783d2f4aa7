package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.DeviceChoice;
import dev.prdarts.hardware.HardwareConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class HardwareOptionsTest {

    /** A tiny command that includes the mixin the way the training commands do. */
    @Command(name = "tiny")
    static final class TinyCommand implements Callable<Integer> {
        @Mixin HardwareOptions hardware;
        HardwareConfig config;

        @Override
        public Integer call() {
            config = hardware.toConfig();
            return 0;
        }
    }

    private final StringWriter err = new StringWriter();
    private final TinyCommand command = new TinyCommand();

    /** Runs the tiny command with the same error handling as {@link Main}. */
    private int run(String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(
                (ex, c, parse) -> {
                    c.getErr().println("prdarts: error: " + Errors.oneLine(ex));
                    return Main.EXIT_USAGE;
                });
        return cli.execute(args);
    }

    @Test
    void noOptionsGiveTheDefaults() {
        assertEquals(0, run());
        assertEquals(HardwareConfig.defaults(), command.config);
    }

    @Test
    void allOptionsReachTheConfig() {
        int code =
                run(
                        "--device", "gpu:1",
                        "--threads", "4",
                        "--memory-budget", "6GB",
                        "--batch-min", "16",
                        "--batch-mult", "16",
                        "--batch-max", "256",
                        "--batch-threshold", "0.9");

        assertEquals(0, code, err.toString());
        HardwareConfig c = command.config;
        assertEquals(DeviceChoice.gpu(1), c.device());
        assertEquals(OptionalInt.of(4), c.threads().intraOp());
        assertEquals(OptionalLong.of(6L << 30), c.memoryBudgetBytes());
        assertEquals(new BatchSizeConfig(16, 16, 256, 0.9), c.batch());
    }

    @Test
    void optionsNotGivenKeepTheBaseValues() {
        CommandLine cli = new CommandLine(command);
        cli.parseArgs("--batch-max", "64");
        HardwareConfig base = HardwareConfig.defaults().withMemoryBudget(1L << 30);

        HardwareConfig c = command.hardware.toConfig(base);

        assertEquals(new BatchSizeConfig(24, 8, 64, 0.95), c.batch());
        assertEquals(OptionalLong.of(1L << 30), c.memoryBudgetBytes());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--memory-budget|6 XB|memory budget must be a positive size such as 6GB, 512MB,"
                        + " 6G or 1.5GiB (units B, K, M, G, T; powers of 1024), got '6 XB'",
                "--memory-budget|-1|memory budget must be a positive size such as 6GB, 512MB, 6G"
                        + " or 1.5GiB (units B, K, M, G, T; powers of 1024), got '-1'",
                "--memory-budget|lots|memory budget must be a positive size such as 6GB, 512MB,"
                        + " 6G or 1.5GiB (units B, K, M, G, T; powers of 1024), got 'lots'",
                "--batch-min|130|batch-min (130) must be <= batch-max (128)",
                "--batch-mult|0|batch-mult must be > 0, got 0",
                "--batch-mult|-8|batch-mult must be > 0, got -8",
                "--batch-threshold|1.5|batch-threshold must be in (0, 1], got 1.5",
                "--batch-threshold|0|batch-threshold must be in (0, 1], got 0.0",
                "--batch-threshold|high|--batch-threshold must be a number, got 'high'",
                "--device|tpu|unknown device 'tpu': expected cpu, gpu, gpu:N (N >= 0) or auto",
                "--threads|0|--threads must be >= 1, got 0",
                "--threads|many|--threads must be a whole number, got 'many'"
            })
    void badValuesFailWithOneLineAndExitCode2(String option, String value, String message) {
        int code = run(option, value);

        assertEquals(2, code);
        assertEquals("prdarts: error: " + message + System.lineSeparator(), err.toString());
    }
}
