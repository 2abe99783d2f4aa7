/**
 * Memory probes (found with ServiceLoader), the adaptive batch-size manager with out-of-memory
 * back-off, and the device and engine-thread settings.
 *
 * <p>The built-in probe providers ({@code gpu}, {@code cpu}) are in an unexported package and
 * reached through {@code dev.prdarts.hardware.MemoryProbeRegistry}.
 */
module dev.prdarts.hardware {
    requires transitive dev.prdarts.api;
    requires transitive ai.djl.api;
    requires com.google.guice;
    requires jakarta.inject;
    requires java.management;
    requires org.slf4j;

    exports dev.prdarts.hardware;

    uses dev.prdarts.api.hardware.MemoryProbeProvider;

    provides dev.prdarts.api.hardware.MemoryProbeProvider with
            dev.prdarts.hardware.probe.CpuMemoryProbeProvider,
            dev.prdarts.hardware.probe.GpuMemoryProbeProvider;
}
