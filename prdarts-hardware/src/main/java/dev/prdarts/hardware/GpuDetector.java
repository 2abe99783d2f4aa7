package dev.prdarts.hardware;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.util.cuda.CudaUtils;

/** Says how many GPUs the engine can use, and why none when there are none. */
public interface GpuDetector {

    /** Returns the number of GPUs the engine can train on. */
    int usableGpus();

    /** Returns why no GPU is usable (for messages), or an empty string when some are. */
    default String reason() {
        return usableGpus() > 0 ? "" : "no GPU found";
    }

    /** Returns a detector that reports {@code count} GPUs; for tests and fixed set-ups. */
    static GpuDetector fixed(int count) {
        return () -> count;
    }

    /**
     * Returns the detector of DJL: the GPUs CUDA reports, provided the default engine was built
     * with CUDA. It starts the engine only when CUDA reports a GPU, so thread settings must be
     * applied before it is asked.
     */
    static GpuDetector djl() {
        return new GpuDetector() {
            @Override
            public int usableGpus() {
                int count = CudaUtils.getGpuCount();
                if (count == 0) {
                    return 0;
                }
                return Engine.getInstance().hasCapability(StandardCapabilities.CUDA) ? count : 0;
            }

            @Override
            public String reason() {
                if (CudaUtils.getGpuCount() == 0) {
                    return "DJL sees no CUDA GPU";
                }
                if (!Engine.getInstance().hasCapability(StandardCapabilities.CUDA)) {
                    return "the "
                            + Engine.getInstance().getEngineName()
                            + " engine in use was built without CUDA";
                }
                return "";
            }
        };
    }
}
