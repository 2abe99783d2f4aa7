package dev.prdarts.api.hardware;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Says which device a memory probe measures and against which budget.
 *
 * @param deviceType {@code "cpu"} or {@code "gpu"} (stored in lower case)
 * @param deviceId the device index; 0 for the CPU
 * @param budgetBytes an explicit budget in bytes, or empty for the provider's default
 */
public record MemoryProbeOptions(String deviceType, int deviceId, OptionalLong budgetBytes) {

    /** Validates and normalises the fields. */
    public MemoryProbeOptions {
        Objects.requireNonNull(deviceType, "deviceType must not be null");
        Objects.requireNonNull(budgetBytes, "budgetBytes must not be null");
        deviceType = deviceType.strip().toLowerCase(Locale.ROOT);
        if (deviceType.isEmpty()) {
            throw new IllegalArgumentException("deviceType must not be blank");
        }
        if (deviceId < 0) {
            throw new IllegalArgumentException("deviceId must be >= 0, got " + deviceId);
        }
        if (budgetBytes.isPresent() && budgetBytes.getAsLong() <= 0) {
            throw new IllegalArgumentException(
                    "budgetBytes must be > 0, got " + budgetBytes.getAsLong());
        }
    }

    /** Returns options for the CPU with the provider's default budget. */
    public static MemoryProbeOptions cpu() {
        return new MemoryProbeOptions("cpu", 0, OptionalLong.empty());
    }

    /** Returns options for GPU {@code id} with the provider's default budget. */
    public static MemoryProbeOptions gpu(int id) {
        return new MemoryProbeOptions("gpu", id, OptionalLong.empty());
    }

    /** Returns a copy of these options with an explicit budget in bytes. */
    public MemoryProbeOptions withBudget(long bytes) {
        return new MemoryProbeOptions(deviceType, deviceId, OptionalLong.of(bytes));
    }

    /** Returns whether the device is a GPU. */
    public boolean isGpu() {
        return "gpu".equals(deviceType);
    }

    /** Returns the device as text, for example {@code "cpu"} or {@code "gpu:1"}. */
    public String deviceName() {
        return isGpu() ? deviceType + ":" + deviceId : deviceType;
    }
}
