package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.djl.Device;
import ch.qos.logback.classic.Level;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.hardware.probe.GpuMemoryProbeProvider;
import dev.prdarts.hardware.probe.GpuMemoryReader;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HardwareContextTest {

    @AfterEach
    void clearThreads() {
        System.clearProperty(EngineThreads.INTRA_OP_PROPERTY);
    }

    private static MemoryProbeRegistry gpuRegistry() {
        GpuMemoryReader reader = mock(GpuMemoryReader.class);
        when(reader.read(Device.gpu(0)))
                .thenReturn(new MemoryUsage(-1, 1L << 30, 1L << 30, 8L << 30));
        return new MemoryProbeRegistry(List.of(new GpuMemoryProbeProvider(reader, () -> 1)));
    }

    @Test
    void startAppliesThreadsPicksTheGpuAndLogsOnce() {
        HardwareConfig config =
                HardwareConfig.defaults()
                        .withThreads(new EngineThreads(OptionalInt.of(3), OptionalInt.empty()));
        HardwareContext context = new HardwareContext(config, gpuRegistry(), GpuDetector.fixed(1));

        try (LogCapture log = new LogCapture(HardwareContext.class)) {
            context.start();
            context.start();

            assertEquals(
                    List.of(
                            "device gpu:0 (asked auto), engine threads intra-op 3, inter-op"
                                    + " default, memory probe gpu:0 with budget 8.0 GiB"),
                    log.lines(Level.INFO));
        }
        assertEquals("3", System.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals(Device.gpu(0), context.device());
        assertEquals(0.125, context.probe().usage());
        assertEquals(24, context.newBatchSizeManager().batchSize());
    }

    @Test
    void autoOnAMachineWithoutGpuUsesTheCpuProbeAndSaysWhy() {
        HardwareConfig config = HardwareConfig.defaults().withMemoryBudget(1L << 30);
        MemoryProbeRegistry registry = new MemoryProbeRegistry(List.of(new FixedCpuProvider()));
        HardwareContext context = new HardwareContext(config, registry, GpuDetector.fixed(0));

        try (LogCapture log = new LogCapture(HardwareContext.class)) {
            context.start();

            List<String> expected = new ArrayList<>();
            expected.add(
                    "device cpu (asked auto: no GPU found), engine threads intra-op"
                            + " default, inter-op default, memory probe scripted with"
                            + " budget 1.0 GiB");
            // on a CPU, advice about this JVM's allocator and OpenMP waiting follows when due
            String advice = NativeRuntime.current().advice();
            if (!advice.isEmpty()) {
                expected.add("note: " + advice);
            }
            assertEquals(expected, log.lines(Level.INFO));
        }
        assertEquals(Device.cpu(), context.device());
    }

    @Test
    void usingTheContextBeforeStartIsMisuse() {
        HardwareContext context =
                new HardwareContext(HardwareConfig.defaults(), gpuRegistry(), GpuDetector.fixed(1));

        IllegalStateException e = assertThrows(IllegalStateException.class, context::device);
        assertEquals("call HardwareContext.start() before using it", e.getMessage());
    }

    @Test
    void guiceModuleBindsOneRegistryAndOneContext() {
        HardwareConfig config = HardwareConfig.defaults().withDevice(DeviceChoice.cpu());
        Injector injector = Guice.createInjector(new HardwareModule(config));

        assertSame(config, injector.getInstance(HardwareConfig.class));
        assertSame(
                injector.getInstance(MemoryProbeRegistry.class),
                injector.getInstance(MemoryProbeRegistry.class));
        HardwareContext context = injector.getInstance(HardwareContext.class);
        assertSame(context, injector.getInstance(HardwareContext.class));
        assertEquals(
                List.of("cpu", "fixed", "gpu"),
                injector.getInstance(MemoryProbeRegistry.class).names());
        assertEquals(Device.cpu(), context.start().device());
        assertEquals("cpu", context.probe().name());
    }

    /** A CPU provider that needs no /proc. */
    private static final class FixedCpuProvider
            implements dev.prdarts.api.hardware.MemoryProbeProvider {
        @Override
        public String name() {
            return "cpu";
        }

        @Override
        public boolean isAvailable(MemoryProbeOptions options) {
            return !options.isGpu();
        }

        @Override
        public dev.prdarts.api.hardware.MemoryProbe create(MemoryProbeOptions options) {
            return new ScriptedMemoryProbe(options.budgetBytes().orElseThrow());
        }
    }
}
