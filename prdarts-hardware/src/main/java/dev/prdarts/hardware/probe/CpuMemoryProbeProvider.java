package dev.prdarts.hardware.probe;

import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.api.hardware.MemoryProbeProvider;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides {@link CpuMemoryProbe}s (name {@code cpu}) on Linux.
 *
 * <p>Without an explicit budget the budget is 75% of the physical memory, or the cgroup memory
 * limit of the process when that is smaller.
 */
public final class CpuMemoryProbeProvider implements MemoryProbeProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CpuMemoryProbeProvider.class);

    /** The share of physical memory used as the default budget. */
    public static final double DEFAULT_SHARE = 0.75;

    private final LinuxMemoryInfo info;

    /** Creates a provider that reads the real {@code /proc} and {@code /sys}. */
    public CpuMemoryProbeProvider() {
        this(new LinuxMemoryInfo());
    }

    /** Creates a provider that reads its figures from {@code info}. */
    public CpuMemoryProbeProvider(LinuxMemoryInfo info) {
        this.info = info;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public boolean isAvailable(MemoryProbeOptions options) {
        return "cpu".equals(options.deviceType()) && info.residentBytes().isPresent();
    }

    @Override
    public MemoryProbe create(MemoryProbeOptions options) {
        if (!"cpu".equals(options.deviceType())) {
            throw new IllegalArgumentException(
                    "the cpu memory probe measures the CPU, not " + options.deviceName());
        }
        if (info.residentBytes().isEmpty()) {
            throw new IllegalStateException(
                    "the cpu memory probe needs /proc/self/status (Linux), which is not readable");
        }
        long budget =
                options.budgetBytes().isPresent()
                        ? options.budgetBytes().getAsLong()
                        : defaultBudget();
        return new CpuMemoryProbe(info, budget);
    }

    /**
     * Returns the default budget: 75% of physical memory, or the cgroup limit when smaller.
     *
     * @throws IllegalStateException if the physical memory cannot be read
     */
    public long defaultBudget() {
        long physical =
                info.physicalBytes()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "cannot read MemTotal from /proc/meminfo; give"
                                                        + " --memory-budget"));
        long share = (long) (physical * DEFAULT_SHARE);
        OptionalLong cgroup = info.cgroupLimitBytes();
        long budget = cgroup.isPresent() ? Math.min(share, cgroup.getAsLong()) : share;
        LOG.debug(
                "cpu memory budget {} bytes (physical {}, cgroup limit {})",
                budget,
                physical,
                cgroup.isPresent() ? cgroup.getAsLong() : "none");
        return budget;
    }
}
