package dev.prdarts.hardware;

import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.api.hardware.MemoryProbeProvider;

/**
 * A test provider registered under {@code src/test/resources/META-INF/services}: measures the
 * made-up device type {@code test} as half used of 1 GiB (or of the explicit budget).
 */
public final class FixedMemoryProbeProvider implements MemoryProbeProvider {

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public boolean isAvailable(MemoryProbeOptions options) {
        return options.deviceType().equals("test");
    }

    @Override
    public MemoryProbe create(MemoryProbeOptions options) {
        long budget = options.budgetBytes().orElse(1L << 30);
        return new ScriptedMemoryProbe(budget).thenBytes(budget / 2);
    }
}
