package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class OutOfMemoryFailuresTest {

    @Test
    void recognisesCudaOutOfMemory() {
        assertTrue(
                OutOfMemoryFailures.isOutOfMemory(
                        new EngineException(
                                "CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 15.78"
                                        + " GiB total capacity)")));
    }

    @Test
    void recognisesTheCpuAllocatorFailure() {
        assertTrue(
                OutOfMemoryFailures.isOutOfMemory(
                        new EngineException(
                                "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator:"
                                        + " can't allocate memory: you tried to allocate"
                                        + " 8589934592 bytes. Error code 12 (Cannot allocate"
                                        + " memory)")));
    }

    @Test
    void recognisesJavaOutOfMemoryErrors() {
        assertTrue(OutOfMemoryFailures.isOutOfMemory(new OutOfMemoryError("Java heap space")));
        assertTrue(OutOfMemoryFailures.isOutOfMemory(new OutOfMemoryError()));
    }

    @Test
    void searchesTheCauseChain() {
        RuntimeException wrapped =
                new IllegalStateException(
                        "training step failed", new EngineException("CUDA out of memory"));
        assertTrue(OutOfMemoryFailures.isOutOfMemory(wrapped));
    }

    @Test
    void ignoresOtherFailures() {
        assertFalse(
                OutOfMemoryFailures.isOutOfMemory(
                        new EngineException("The size of tensor a (3) must match (4)")));
        assertFalse(
                OutOfMemoryFailures.isOutOfMemory(
                        new UncheckedIOException(new IOException("disk full"))));
        assertFalse(OutOfMemoryFailures.isOutOfMemory(new IllegalArgumentException()));
    }
}
