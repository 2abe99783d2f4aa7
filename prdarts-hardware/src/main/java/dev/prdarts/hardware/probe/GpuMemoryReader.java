package dev.prdarts.hardware.probe;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;

/** Reads the memory figures of one GPU; the production reader asks DJL's CUDA utilities. */
@FunctionalInterface
public interface GpuMemoryReader {

    /**
     * Returns the memory figures of {@code device}: {@link MemoryUsage#getUsed()} is the bytes in
     * use on the whole device, {@link MemoryUsage#getMax()} its total memory.
     */
    MemoryUsage read(Device device);

    /** Returns the reader backed by {@link CudaUtils#getGpuMemory(Device)}. */
    static GpuMemoryReader cuda() {
        return CudaUtils::getGpuMemory;
    }
}
