package dev.prdarts.cli;

import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.DeviceChoice;
import dev.prdarts.hardware.EngineThreads;
import dev.prdarts.hardware.HardwareConfig;
import dev.prdarts.hardware.MemorySize;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The hardware options shared by the training commands; include with {@code @Mixin}.
 *
 * <p>Values are kept as given and checked by {@link #toConfig()}, which the command calls first
 * thing: a bad value then fails as one line with exit code 2 through {@link Main}'s error handling.
 * Options not given keep the base configuration's values, so a configuration file can supply them.
 */
public final class HardwareOptions {

    @Option(
            names = "--device",
            paramLabel = "DEVICE",
            description = "cpu, gpu, gpu:N or auto (a GPU when DJL sees one). Default: auto.")
    String device;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Engine intra-op threads, set before the engine starts."
                            + " Default: the engine's choice.")
    String threads;

    @Option(
            names = "--memory-budget",
            paramLabel = "SIZE",
            description =
                    "Memory the run may use, e.g. 6GB, 512MB, 1.5GiB (powers of 1024)."
                            + " Default: the GPU's memory, or on the CPU 75%% of physical"
                            + " memory or the cgroup limit when smaller.")
    String memoryBudget;

    @Option(
            names = "--batch-min",
            paramLabel = "B",
            description =
                    "Smallest batch size, used after every rebuild. Default: 24 (search: the"
                            + " preset's).")
    String batchMin;

    @Option(
            names = "--batch-mult",
            paramLabel = "B",
            description = "Step between batch sizes. Default: 8 (search: the preset's).")
    String batchMult;

    @Option(
            names = "--batch-max",
            paramLabel = "B",
            description = "Largest batch size. Default: 128 (search: the preset's).")
    String batchMax;

    @Option(
            names = "--batch-threshold",
            paramLabel = "F",
            description =
                    "Largest predicted share of the memory budget a batch may use, in (0, 1]."
                            + " Default: 0.95.")
    String batchThreshold;

    /**
     * Checks each given value on its own: numbers, device and size. Rules between values, such as
     * {@code --batch-min <= --batch-max}, are left to the caller, which checks them once the
     * options are merged with the settings of a configuration file or preset.
     *
     * @throws IllegalArgumentException naming the option and value when a value is bad
     */
    public void checkValues() {
        if (device != null) {
            DeviceChoice.parse(device);
        }
        if (threads != null) {
            threadCount(threads);
        }
        if (memoryBudget != null) {
            MemorySize.parseBytes(memoryBudget);
        }
        if (batchMin != null) {
            positiveInt("--batch-min", batchMin);
        }
        if (batchMult != null) {
            positiveInt("--batch-mult", batchMult);
        }
        if (batchMax != null) {
            positiveInt("--batch-max", batchMax);
        }
        if (batchThreshold != null) {
            double t = number("--batch-threshold", batchThreshold);
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException(
                        "--batch-threshold must be in (0, 1], got " + batchThreshold.strip());
            }
        }
    }

    /**
     * Returns the defaults with the given options applied.
     *
     * @throws IllegalArgumentException naming the option and value when a value is bad
     */
    public HardwareConfig toConfig() {
        return toConfig(HardwareConfig.defaults());
    }

    /**
     * Returns {@code base} with the given options applied.
     *
     * @throws IllegalArgumentException naming the option and value when a value is bad
     */
    public HardwareConfig toConfig(HardwareConfig base) {
        HardwareConfig config = base;
        if (device != null) {
            config = config.withDevice(DeviceChoice.parse(device));
        }
        if (threads != null) {
            OptionalInt intraOp = OptionalInt.of(threadCount(threads));
            config = config.withThreads(new EngineThreads(intraOp, config.threads().interOp()));
        }
        if (memoryBudget != null) {
            config = config.withMemoryBudget(MemorySize.parseBytes(memoryBudget));
        }
        BatchSizeConfig b = config.batch();
        if (batchMin != null || batchMult != null || batchMax != null || batchThreshold != null) {
            config =
                    config.withBatch(
                            new BatchSizeConfig(
                                    batchMin == null ? b.bMin() : integer("--batch-min", batchMin),
                                    batchMult == null
                                            ? b.bMult()
                                            : integer("--batch-mult", batchMult),
                                    batchMax == null ? b.bMax() : integer("--batch-max", batchMax),
                                    batchThreshold == null
                                            ? b.threshold()
                                            : number("--batch-threshold", batchThreshold),
                                    b.interval()));
        }
        return config;
    }

    private static int threadCount(String text) {
        int value = positiveInt("--threads", text);
        if (value > EngineThreads.MAX_THREADS) {
            throw new IllegalArgumentException(
                    "--threads must be <= " + EngineThreads.MAX_THREADS + ", got " + value);
        }
        return value;
    }

    private static int positiveInt(String option, String text) {
        int value = integer(option, text);
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        }
        return value;
    }

    private static int integer(String option, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " must be a whole number, got '" + text + "'");
        }
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + text + "'");
        }
    }
}
