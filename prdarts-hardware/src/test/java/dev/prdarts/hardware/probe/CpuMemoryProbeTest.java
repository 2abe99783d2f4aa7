package dev.prdarts.hardware.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMemoryProbeTest {

    private static final long GIB_IN_KIB = 1L << 20;

    @TempDir Path dir;

    @Test
    void readsResidentMemoryAgainstAnExplicitBudget() {
        FakeLinux linux = new FakeLinux(dir).status(2 * GIB_IN_KIB, 3 * GIB_IN_KIB);
        CpuMemoryProbeProvider provider = new CpuMemoryProbeProvider(new LinuxMemoryInfo(dir));

        MemoryProbe probe = provider.create(MemoryProbeOptions.cpu().withBudget(8L << 30));

        assertEquals("cpu", probe.name());
        assertEquals(2L << 30, probe.usedBytes());
        assertEquals(8L << 30, probe.budgetBytes());
        assertEquals(0.25, probe.usage());
        assertEquals("", linux.read("proc/self/clear_refs"));
    }

    @Test
    void defaultBudgetIsThreeQuartersOfPhysicalMemoryWithoutCgroupLimit() {
        new FakeLinux(dir)
                .status(1024, 1024)
                .memTotalKib(16 * GIB_IN_KIB)
                .cgroups("0::/\n")
                .write("sys/fs/cgroup/memory.max", "max\n");

        MemoryProbe probe =
                new CpuMemoryProbeProvider(new LinuxMemoryInfo(dir))
                        .create(MemoryProbeOptions.cpu());

        assertEquals(12L << 30, probe.budgetBytes());
    }

    @Test
    void defaultBudgetIsTheCgroupV2LimitWhenSmaller() {
        new FakeLinux(dir)
                .status(1024, 1024)
                .memTotalKib(16 * GIB_IN_KIB)
                .cgroups("0::/user.slice/job\n")
                .write("sys/fs/cgroup/user.slice/job/memory.max", "max\n")
                .write("sys/fs/cgroup/user.slice/memory.max", (6L << 30) + "\n");

        MemoryProbe probe =
                new CpuMemoryProbeProvider(new LinuxMemoryInfo(dir))
                        .create(MemoryProbeOptions.cpu());

        assertEquals(6L << 30, probe.budgetBytes());
    }

    @Test
    void cgroupV1LimitCountsAndItsNoLimitValueIsIgnored() {
        FakeLinux linux =
                new FakeLinux(dir)
                        .cgroups("5:devices:/\n4:memory:/docker/abc\n0::/\n")
                        .write(
                                "sys/fs/cgroup/memory/memory.limit_in_bytes",
                                "9223372036854771712\n");
        LinuxMemoryInfo info = new LinuxMemoryInfo(dir);
        assertEquals(OptionalLong.empty(), info.cgroupLimitBytes());

        linux.write("sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes", "4294967296\n");

        assertEquals(OptionalLong.of(4L << 30), info.cgroupLimitBytes());
    }

    @Test
    void peakFollowsTheKernelHighWaterMarkAfterAReset() {
        FakeLinux linux = new FakeLinux(dir).status(1 * GIB_IN_KIB, 5 * GIB_IN_KIB);
        MemoryProbe probe = new CpuMemoryProbe(new LinuxMemoryInfo(dir), 8L << 30);

        probe.resetPeak();

        assertEquals("5", linux.read("proc/self/clear_refs"));
        assertEquals(5L << 30, probe.peakBytes());
    }

    @Test
    void peakIsTheHighestReadingWhenTheKernelRefusesTheReset() {
        FakeLinux linux =
                new FakeLinux(dir).refusePeakReset().status(3 * GIB_IN_KIB, 7 * GIB_IN_KIB);
        MemoryProbe probe = new CpuMemoryProbe(new LinuxMemoryInfo(dir), 8L << 30);
        probe.resetPeak();

        assertEquals(3L << 30, probe.peakBytes());
        linux.status(2 * GIB_IN_KIB, 7 * GIB_IN_KIB);
        assertEquals(3L << 30, probe.peakBytes());
        probe.resetPeak();
        assertEquals(2L << 30, probe.peakBytes());
    }

    @Test
    void isUnavailableForGpusAndWithoutProc() {
        CpuMemoryProbeProvider provider = new CpuMemoryProbeProvider(new LinuxMemoryInfo(dir));
        assertFalse(provider.isAvailable(MemoryProbeOptions.cpu()));

        new FakeLinux(dir).status(1024, 1024);
        assertTrue(provider.isAvailable(MemoryProbeOptions.cpu()));
        assertFalse(provider.isAvailable(MemoryProbeOptions.gpu(0)));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> provider.create(MemoryProbeOptions.gpu(0)));
        assertEquals("the cpu memory probe measures the CPU, not gpu:0", e.getMessage());
    }

    @Test
    void readsTheRealProcessOnLinux() {
        CpuMemoryProbeProvider provider = new CpuMemoryProbeProvider();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                provider.isAvailable(MemoryProbeOptions.cpu()), "needs Linux /proc");

        MemoryProbe probe = provider.create(MemoryProbeOptions.cpu());
        byte[] ballast = new byte[64 << 20];
        java.util.Arrays.fill(ballast, (byte) 1);
        probe.resetPeak();

        long used = probe.usedBytes();

        assertTrue(used > ballast.length, "resident " + used);
        assertTrue(probe.peakBytes() >= used, "peak " + probe.peakBytes() + " < " + used);
        assertTrue(probe.budgetBytes() > 0);
        assertTrue(probe.usage() > 0 && probe.usage() < 1, "usage " + probe.usage());
    }
}
