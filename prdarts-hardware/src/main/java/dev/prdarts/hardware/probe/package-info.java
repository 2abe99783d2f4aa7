/**
 * The built-in memory probes: {@code gpu} (DJL's CUDA memory figures) and {@code cpu} (the
 * process's resident memory on Linux against a budget).
 *
 * <p>Both are registered as {@link dev.prdarts.api.hardware.MemoryProbeProvider} services; the
 * package is not exported, other modules reach the probes through {@link
 * dev.prdarts.hardware.MemoryProbeRegistry}.
 */
package dev.prdarts.hardware.probe;
