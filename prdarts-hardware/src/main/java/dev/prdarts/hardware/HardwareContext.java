package dev.prdarts.hardware;

import ai.djl.Device;
import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import jakarta.inject.Inject;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a run's hardware settings into effect: engine threads first, then the device, then the
 * memory probe; logs all three once.
 *
 * <p>Call {@link #start()} before anything touches the engine. Training loops then create their
 * {@link BatchSizeManager} with {@link #newBatchSizeManager()}.
 */
public final class HardwareContext {

    private static final Logger LOG = LoggerFactory.getLogger(HardwareContext.class);

    private final HardwareConfig config;
    private final MemoryProbeRegistry probes;
    private final GpuDetector gpus;
    private Device device;
    private MemoryProbe probe;

    /** Creates a context that detects GPUs through DJL. */
    @Inject
    public HardwareContext(HardwareConfig config, MemoryProbeRegistry probes) {
        this(config, probes, GpuDetector.djl());
    }

    /** Creates a context with its own GPU detector. */
    public HardwareContext(HardwareConfig config, MemoryProbeRegistry probes, GpuDetector gpus) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.probes = Objects.requireNonNull(probes, "probes must not be null");
        this.gpus = Objects.requireNonNull(gpus, "gpus must not be null");
    }

    /**
     * Applies the thread counts, resolves the device and creates the memory probe; does nothing
     * when already started.
     *
     * @return this context
     * @throws IllegalArgumentException if the device is not available
     * @throws IllegalStateException if no probe can measure the device
     */
    public HardwareContext start() {
        if (device != null) {
            return this;
        }
        String threads = config.threads().apply();
        Device chosen = config.device().resolve(gpus);
        MemoryProbeOptions options =
                new MemoryProbeOptions(
                        chosen.isGpu() ? "gpu" : "cpu",
                        chosen.isGpu() ? chosen.getDeviceId() : 0,
                        config.memoryBudgetBytes());
        MemoryProbe created = probes.create(options);
        device = chosen;
        probe = created;
        LOG.info(
                "device {} (asked {}{}), engine threads {}, memory probe {} with budget {}",
                options.deviceName(),
                config.device(),
                config.device().kind() == DeviceChoice.Kind.AUTO && !chosen.isGpu()
                        ? ": " + gpus.reason()
                        : "",
                threads,
                created.name(),
                MemorySize.format(created.budgetBytes()));
        if (!chosen.isGpu()) {
            NativeRuntime runtime = NativeRuntime.current();
            LOG.debug("native runtime: {}", runtime);
            if (!runtime.advice().isEmpty()) {
                LOG.info("note: {}", runtime.advice());
            }
        }
        return this;
    }

    /** Returns the settings. */
    public HardwareConfig config() {
        return config;
    }

    /**
     * Returns the DJL device to train on.
     *
     * @throws IllegalStateException if {@link #start()} was not called
     */
    public Device device() {
        requireStarted();
        return device;
    }

    /**
     * Returns the memory probe of the device.
     *
     * @throws IllegalStateException if {@link #start()} was not called
     */
    public MemoryProbe probe() {
        requireStarted();
        return probe;
    }

    /**
     * Creates a batch-size manager with the configured limits and the device's probe.
     *
     * @throws IllegalStateException if {@link #start()} was not called
     */
    public BatchSizeManager newBatchSizeManager() {
        return new BatchSizeManager(config.batch(), probe());
    }

    private void requireStarted() {
        if (device == null) {
            throw new IllegalStateException("call HardwareContext.start() before using it");
        }
    }
}
