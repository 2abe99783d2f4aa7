package dev.prdarts.hardware;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The hardware settings of a run: device, engine threads, memory budget and batch-size limits.
 *
 * @param device the device to train on
 * @param threads the engine thread counts to apply before the engine starts
 * @param memoryBudgetBytes an explicit memory budget, or empty for the probe's default
 * @param batch the limits of the adaptive batch size
 */
public record HardwareConfig(
        DeviceChoice device,
        EngineThreads threads,
        OptionalLong memoryBudgetBytes,
        BatchSizeConfig batch) {

    /** Checks the fields. */
    public HardwareConfig {
        Objects.requireNonNull(device, "device must not be null");
        Objects.requireNonNull(threads, "threads must not be null");
        Objects.requireNonNull(memoryBudgetBytes, "memoryBudgetBytes must not be null");
        Objects.requireNonNull(batch, "batch must not be null");
        if (memoryBudgetBytes.isPresent() && memoryBudgetBytes.getAsLong() <= 0) {
            throw new IllegalArgumentException(
                    "memory budget must be > 0 bytes, got " + memoryBudgetBytes.getAsLong());
        }
    }

    /** Returns the defaults: device {@code auto}, engine threads unchanged, default budget. */
    public static HardwareConfig defaults() {
        return new HardwareConfig(
                DeviceChoice.auto(),
                EngineThreads.unchanged(),
                OptionalLong.empty(),
                BatchSizeConfig.defaults());
    }

    /** Returns a copy with another device. */
    public HardwareConfig withDevice(DeviceChoice newDevice) {
        return new HardwareConfig(newDevice, threads, memoryBudgetBytes, batch);
    }

    /** Returns a copy with other engine threads. */
    public HardwareConfig withThreads(EngineThreads newThreads) {
        return new HardwareConfig(device, newThreads, memoryBudgetBytes, batch);
    }

    /** Returns a copy with an explicit memory budget in bytes. */
    public HardwareConfig withMemoryBudget(long bytes) {
        return new HardwareConfig(device, threads, OptionalLong.of(bytes), batch);
    }

    /** Returns a copy with other batch-size limits. */
    public HardwareConfig withBatch(BatchSizeConfig newBatch) {
        return new HardwareConfig(device, threads, memoryBudgetBytes, newBatch);
    }
}
