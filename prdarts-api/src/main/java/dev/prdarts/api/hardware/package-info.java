/**
 * The memory-probe SPI: how much of a memory budget a training process uses.
 *
 * <p>A {@link dev.prdarts.api.hardware.MemoryProbeProvider} is found with {@link
 * java.util.ServiceLoader} ({@code provides} in a plugin's {@code module-info} and a {@code
 * META-INF/services} entry for class-path mode). It creates a {@link
 * dev.prdarts.api.hardware.MemoryProbe} for the device a run trains on; the adaptive batch size
 * reads that probe. The built-in providers (GPU, CPU) live in {@code prdarts-hardware}.
 */
package dev.prdarts.api.hardware;
