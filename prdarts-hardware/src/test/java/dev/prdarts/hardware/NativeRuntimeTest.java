package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeRuntimeTest {

    @TempDir Path dir;

    private Path maps(String... libraries) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("55d0c0000000-55d0c0001000 r--p 00000000 08:01 1234 /usr/bin/java\n");
        b.append("7f0000000000-7f0000100000 rw-p 00000000 00:00 0 \n");
        for (String library : libraries) {
            b.append("7f1000000000-7f1000100000 r-xp 00000000 08:01 42 ")
                    .append(library)
                    .append('\n');
        }
        b.append("7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0 [stack]\n");
        Path file = dir.resolve("maps");
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void tcmallocIsFoundByItsLibrary() throws IOException {
        Path file =
                maps(
                        "/usr/lib/x86_64-linux-gnu/libc.so.6",
                        "/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4.5.10");
        assertEquals("tcmalloc", NativeRuntime.allocatorIn(file));
    }

    @Test
    void jemallocIsFoundByItsLibrary() throws IOException {
        assertEquals(
                "jemalloc",
                NativeRuntime.allocatorIn(maps("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")));
    }

    @Test
    void plainProcessUsesGlibc() throws IOException {
        Path file =
                maps(
                        "/usr/lib/x86_64-linux-gnu/libc.so.6",
                        "/root/.djl.ai/pytorch/2.7.1/libtorch_cpu.so");
        assertEquals("glibc", NativeRuntime.allocatorIn(file));
    }

    @Test
    void aFolderNamedLikeAnAllocatorDoesNotCount() throws IOException {
        assertEquals(
                "glibc",
                NativeRuntime.allocatorIn(maps("/opt/tcmalloc-build/lib/libtorch_cpu.so")));
    }

    @Test
    void unreadableMapsIsAnError() {
        assertThrows(
                UncheckedIOException.class,
                () -> NativeRuntime.allocatorIn(dir.resolve("missing")));
    }

    @Test
    void waitPolicyComesFromTheEnvironment() {
        NativeRuntime passive = NativeRuntime.of("tcmalloc", Map.of("OMP_WAIT_POLICY", "passive"));
        assertEquals("passive", passive.ompWaitPolicy());
        assertTrue(passive.passiveWait());
        assertTrue(passive.advice().contains("PASSIVE"), passive.advice());

        NativeRuntime unset = NativeRuntime.of("tcmalloc", Map.of());
        assertEquals("default", unset.ompWaitPolicy());
        assertFalse(unset.passiveWait());
        assertEquals("", unset.advice());
    }

    @Test
    void glibcChosenOnPurposeGetsNoInstallHint() {
        NativeRuntime chosen = NativeRuntime.of("glibc", Map.of("PRDARTS_MALLOC", "System"));
        assertEquals("system", chosen.mallocChoice());
        assertTrue(chosen.advice().contains("PRDARTS_MALLOC=system"), chosen.advice());
        assertFalse(chosen.advice().contains("install"), chosen.advice());
    }

    @Test
    void aLibraryChosenByPathGetsNoAllocatorAdvice() {
        NativeRuntime chosen =
                NativeRuntime.of(
                        "glibc", Map.of("PRDARTS_MALLOC", "/lib/x86_64-linux-gnu/libz.so.1"));
        assertEquals("", chosen.advice());
    }

    @Test
    void unknownWaitPolicyIsNamed() {
        NativeRuntime odd = NativeRuntime.of("tcmalloc", Map.of("OMP_WAIT_POLICY", "garbage"));
        assertEquals(
                "OMP_WAIT_POLICY=garbage is not a wait policy (ACTIVE or PASSIVE); OpenMP ignores"
                        + " it",
                odd.advice());
        NativeRuntime empty = NativeRuntime.of("tcmalloc", Map.of("OMP_WAIT_POLICY", ""));
        assertEquals("OMP_WAIT_POLICY is set but empty; OpenMP ignores it", empty.advice());
        assertEquals("allocator tcmalloc, OMP_WAIT_POLICY (empty)", empty.toString());
        assertEquals(
                "", NativeRuntime.of("tcmalloc", Map.of("OMP_WAIT_POLICY", "active")).advice());
    }

    @Test
    void glibcGetsAdvice() {
        NativeRuntime glibc = NativeRuntime.of("glibc", Map.of("OMP_WAIT_POLICY", "ACTIVE"));
        assertTrue(glibc.advice().contains("libtcmalloc-minimal4"), glibc.advice());
        assertFalse(glibc.advice().contains("PASSIVE"), glibc.advice());
        assertEquals("allocator glibc, OMP_WAIT_POLICY ACTIVE", glibc.toString());
    }
}
