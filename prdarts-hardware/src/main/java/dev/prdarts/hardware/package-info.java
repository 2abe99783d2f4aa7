/**
 * Hardware for training: memory probes, the adaptive batch size with out-of-memory back-off, and
 * the device and engine-thread settings (DESIGN section 7).
 *
 * <p>{@link dev.prdarts.hardware.BatchSizeManager} grows the batch from measured memory use and
 * backs off when the engine runs out of memory; it needs only a {@link
 * dev.prdarts.api.hardware.MemoryProbe}, so any training loop can use it without Guice. {@link
 * dev.prdarts.hardware.MemoryProbeRegistry} finds probe providers with {@link
 * java.util.ServiceLoader}; {@link dev.prdarts.hardware.HardwareContext} applies a {@link
 * dev.prdarts.hardware.HardwareConfig} before the engine starts. {@link
 * dev.prdarts.hardware.HardwareModule} binds these for Guice users.
 */
package dev.prdarts.hardware;
