package dev.prdarts.hardware.probe;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.api.hardware.MemoryProbeProvider;
import java.util.Objects;
import java.util.function.IntSupplier;

/** Provides {@link GpuMemoryProbe}s (name {@code gpu}) for the GPUs DJL sees. */
public final class GpuMemoryProbeProvider implements MemoryProbeProvider {

    private final GpuMemoryReader reader;
    private final IntSupplier gpuCount;

    /** Creates a provider backed by DJL's CUDA utilities. */
    public GpuMemoryProbeProvider() {
        this(GpuMemoryReader.cuda(), CudaUtils::getGpuCount);
    }

    /**
     * Creates a provider with its own sources of figures.
     *
     * @param reader reads one GPU's memory figures
     * @param gpuCount returns the number of GPUs visible
     */
    public GpuMemoryProbeProvider(GpuMemoryReader reader, IntSupplier gpuCount) {
        this.reader = Objects.requireNonNull(reader, "reader must not be null");
        this.gpuCount = Objects.requireNonNull(gpuCount, "gpuCount must not be null");
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public boolean isAvailable(MemoryProbeOptions options) {
        return options.isGpu() && options.deviceId() < gpuCount.getAsInt();
    }

    @Override
    public MemoryProbe create(MemoryProbeOptions options) {
        if (!options.isGpu()) {
            throw new IllegalArgumentException(
                    "the gpu memory probe measures a GPU, not " + options.deviceName());
        }
        int count = gpuCount.getAsInt();
        if (options.deviceId() >= count) {
            throw new IllegalStateException(
                    "no GPU "
                            + options.deviceName()
                            + " to measure: DJL sees "
                            + count
                            + (count == 1 ? " GPU" : " GPUs"));
        }
        Device device = Device.gpu(options.deviceId());
        return new GpuMemoryProbe(device, reader, options.budgetBytes());
    }
}
