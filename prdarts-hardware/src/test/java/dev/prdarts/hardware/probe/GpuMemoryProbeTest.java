package dev.prdarts.hardware.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

class GpuMemoryProbeTest {

    private static final long TOTAL = 16L << 30;

    private static MemoryUsage used(long bytes) {
        return new MemoryUsage(-1, bytes, bytes, TOTAL);
    }

    @Test
    void reportsTheDevicesUsedMemoryAgainstItsTotal() {
        GpuMemoryReader reader = mock(GpuMemoryReader.class);
        when(reader.read(Device.gpu(1))).thenReturn(used(4L << 30), used(12L << 30));
        GpuMemoryProbeProvider provider = new GpuMemoryProbeProvider(reader, () -> 2);

        MemoryProbe probe = provider.create(MemoryProbeOptions.gpu(1));

        assertEquals("gpu:1", probe.name());
        assertEquals(TOTAL, probe.budgetBytes());
        assertEquals(12L << 30, probe.usedBytes());
        assertEquals(0.75, probe.usage());
    }

    @Test
    void explicitBudgetIsCappedAtTheDevicesTotal() {
        GpuMemoryReader reader = mock(GpuMemoryReader.class);
        when(reader.read(Device.gpu(0))).thenReturn(used(1L << 30));
        GpuMemoryProbeProvider provider = new GpuMemoryProbeProvider(reader, () -> 1);

        assertEquals(
                6L << 30,
                provider.create(MemoryProbeOptions.gpu(0).withBudget(6L << 30)).budgetBytes());
        assertEquals(
                TOTAL,
                provider.create(MemoryProbeOptions.gpu(0).withBudget(64L << 30)).budgetBytes());
    }

    @Test
    void isAvailableOnlyForGpusDjlSees() {
        GpuMemoryProbeProvider provider =
                new GpuMemoryProbeProvider(mock(GpuMemoryReader.class), () -> 1);

        assertTrue(provider.isAvailable(MemoryProbeOptions.gpu(0)));
        assertFalse(provider.isAvailable(MemoryProbeOptions.gpu(1)));
        assertFalse(provider.isAvailable(MemoryProbeOptions.cpu()));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> provider.create(MemoryProbeOptions.gpu(1)));
        assertEquals("no GPU gpu:1 to measure: DJL sees 1 GPU", e.getMessage());
    }

    @Test
    void theDefaultReaderAsksDjlsCudaUtilities() {
        MemoryUsage figures = used(3L << 30);
        try (MockedStatic<CudaUtils> cuda = mockStatic(CudaUtils.class)) {
            cuda.when(() -> CudaUtils.getGpuMemory(Device.gpu(0))).thenReturn(figures);
            cuda.when(CudaUtils::getGpuCount).thenReturn(1);

            GpuMemoryProbeProvider provider = new GpuMemoryProbeProvider();
            assertTrue(provider.isAvailable(MemoryProbeOptions.gpu(0)));
            MemoryProbe probe = provider.create(MemoryProbeOptions.gpu(0));

            assertSame(figures, GpuMemoryReader.cuda().read(Device.gpu(0)));
            assertEquals(3L << 30, probe.usedBytes());
            assertEquals(TOTAL, probe.budgetBytes());
        }
    }

    @Test
    void refusesTheCpu() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new GpuMemoryProbeProvider(mock(GpuMemoryReader.class), () -> 1)
                                        .create(MemoryProbeOptions.cpu()));
        assertEquals("the gpu memory probe measures a GPU, not cpu", e.getMessage());
    }
}
