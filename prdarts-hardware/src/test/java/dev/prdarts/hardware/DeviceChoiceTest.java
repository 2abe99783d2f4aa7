package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceChoiceTest {

    @ParameterizedTest
    @CsvSource({"cpu, cpu", "CPU, cpu", "gpu, gpu:0", "gpu:0, gpu:0", "gpu:3, gpu:3", "auto, auto"})
    void parsesTheFourForms(String text, String canonical) {
        assertEquals(canonical, DeviceChoice.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpu", "gpu:", "gpu:-1", "gpu:x", "cuda:0", "", "gpu0"})
    void rejectsUnknownDevicesWithOneClearMessage(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(text));
        assertEquals(
                "unknown device '" + text + "': expected cpu, gpu, gpu:N (N >= 0) or auto",
                e.getMessage());
    }

    @Test
    void autoTakesTheFirstGpuWhenTheEngineCanUseOne() {
        assertEquals(Device.gpu(0), DeviceChoice.auto().resolve(GpuDetector.fixed(2)));
        assertEquals(Device.cpu(), DeviceChoice.auto().resolve(GpuDetector.fixed(0)));
    }

    @Test
    void explicitChoicesResolveToTheirDevice() {
        assertEquals(Device.cpu(), DeviceChoice.cpu().resolve(GpuDetector.fixed(2)));
        assertEquals(Device.gpu(1), DeviceChoice.gpu(1).resolve(GpuDetector.fixed(2)));
    }

    @Test
    void aGpuTheEngineCannotUseIsAClearError() {
        IllegalArgumentException none =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DeviceChoice.gpu(0).resolve(GpuDetector.fixed(0)));
        assertEquals(
                "device gpu:0 is not available: the engine can use no GPU (no GPU found)",
                none.getMessage());

        IllegalArgumentException beyond =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DeviceChoice.gpu(2).resolve(GpuDetector.fixed(2)));
        assertEquals(
                "device gpu:2 is not available: the engine can use gpu:0 to gpu:1",
                beyond.getMessage());
    }
}
