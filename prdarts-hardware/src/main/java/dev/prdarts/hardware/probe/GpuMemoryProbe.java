package dev.prdarts.hardware.probe;

import ai.djl.Device;
import dev.prdarts.api.hardware.MemoryProbe;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Measures the memory in use on one GPU with DJL's CUDA figures.
 *
 * <p>The figure is device-wide: it includes other processes on the same GPU and the engine's cached
 * (reserved but free) blocks. PyTorch's caching allocator keeps the blocks of the largest step, so
 * the current figure already follows the peak; no separate peak is tracked.
 */
public final class GpuMemoryProbe implements MemoryProbe {

    private final Device device;
    private final GpuMemoryReader reader;
    private final long budgetBytes;

    /**
     * Creates a probe; the budget is {@code budget} when given (capped at the device's total
     * memory), otherwise the device's total memory.
     *
     * @throws IllegalStateException if the device reports no total memory
     */
    public GpuMemoryProbe(Device device, GpuMemoryReader reader, OptionalLong budget) {
        this.device = Objects.requireNonNull(device, "device must not be null");
        this.reader = Objects.requireNonNull(reader, "reader must not be null");
        if (!device.isGpu()) {
            throw new IllegalArgumentException("the gpu memory probe needs a GPU, got " + device);
        }
        long total = reader.read(device).getMax();
        if (total <= 0) {
            throw new IllegalStateException(
                    "GPU " + device + " reports no total memory (got " + total + " bytes)");
        }
        this.budgetBytes = budget.isPresent() ? Math.min(budget.getAsLong(), total) : total;
    }

    @Override
    public String name() {
        return "gpu:" + device.getDeviceId();
    }

    @Override
    public long usedBytes() {
        return reader.read(device).getUsed();
    }

    @Override
    public long budgetBytes() {
        return budgetBytes;
    }
}
