package dev.prdarts.hardware.probe;

import dev.prdarts.api.hardware.MemoryProbe;

/**
 * Measures the process's resident memory ({@code VmRSS} in {@code /proc/self/status}) against a
 * budget.
 *
 * <p>The peak comes from the kernel's high-water mark ({@code VmHWM}) when the kernel lets the
 * process reset it; otherwise it is the highest resident size this probe has read since the last
 * reset. Resident memory counts everything the process holds: the JVM heap, the engine's native
 * tensors and the libraries.
 */
public final class CpuMemoryProbe implements MemoryProbe {

    private final LinuxMemoryInfo info;
    private final long budgetBytes;
    private boolean kernelPeak;
    private long observedPeak;

    /**
     * Creates a probe.
     *
     * @param info where the figures are read
     * @param budgetBytes the memory the process may use, > 0
     */
    public CpuMemoryProbe(LinuxMemoryInfo info, long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("budgetBytes must be > 0, got " + budgetBytes);
        }
        this.info = info;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public long usedBytes() {
        long used =
                info.residentBytes()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "cannot read VmRSS from /proc/self/status"));
        observedPeak = Math.max(observedPeak, used);
        return used;
    }

    @Override
    public long peakBytes() {
        long used = usedBytes();
        if (kernelPeak) {
            return Math.max(used, info.peakResidentBytes().orElse(used));
        }
        return observedPeak;
    }

    @Override
    public void resetPeak() {
        kernelPeak = info.resetPeak();
        observedPeak = 0;
    }

    @Override
    public long budgetBytes() {
        return budgetBytes;
    }
}
