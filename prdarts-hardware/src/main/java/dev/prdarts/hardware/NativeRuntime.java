package dev.prdarts.hardware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the native side of this process runs with, beyond the engine: the malloc implementation and
 * the OpenMP wait policy. Both change a CPU search's speed and resident memory a lot (see {@code
 * docs/performance.md}), so benchmarks report them next to their figures.
 *
 * @param allocator {@code tcmalloc}, {@code jemalloc}, {@code mimalloc} or {@code glibc}
 * @param ompWaitPolicy the {@code OMP_WAIT_POLICY} value as set, or {@code default} where unset
 * @param mallocChoice the launcher's {@code PRDARTS_MALLOC} value in lower case, {@code auto} where
 *     unset
 */
public record NativeRuntime(String allocator, String ompWaitPolicy, String mallocChoice) {

    /** The allocators recognised by a shared-library name in the process's memory maps. */
    private static final List<String> ALLOCATORS = List.of("tcmalloc", "jemalloc", "mimalloc");

    /** The values of {@code OMP_WAIT_POLICY} that OpenMP knows, and {@code default} for unset. */
    private static final List<String> WAIT_POLICIES = List.of("DEFAULT", "ACTIVE", "PASSIVE");

    /**
     * Returns the settings of this process (Linux; {@code glibc} where the maps are unreadable).
     */
    public static NativeRuntime current() {
        String allocator;
        try {
            allocator = allocatorIn(Path.of("/proc/self/maps"));
        } catch (UncheckedIOException e) {
            allocator = "glibc";
        }
        return of(allocator, System.getenv());
    }

    /** Returns the settings for an allocator name and an environment. */
    static NativeRuntime of(String allocator, Map<String, String> environment) {
        String policy = environment.get("OMP_WAIT_POLICY");
        String malloc = environment.get("PRDARTS_MALLOC");
        return new NativeRuntime(
                allocator,
                policy == null ? "default" : policy.strip(),
                malloc == null || malloc.isBlank()
                        ? "auto"
                        : malloc.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the allocator named by a memory-maps file: the first of tcmalloc, jemalloc and
     * mimalloc mapped as a library, else {@code glibc}.
     *
     * @throws UncheckedIOException where the file cannot be read
     */
    static String allocatorIn(Path maps) {
        try (Stream<String> lines = Files.lines(maps)) {
            List<String> libraries =
                    lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                            .filter(name -> name.contains("/lib") && name.contains(".so"))
                            .distinct()
                            .toList();
            for (String allocator : ALLOCATORS) {
                for (String library : libraries) {
                    String file = library.substring(library.lastIndexOf('/') + 1);
                    if (file.startsWith("lib" + allocator)) {
                        return allocator;
                    }
                }
            }
            return "glibc";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns whether the OpenMP threads sleep at once when idle, which slows CPU steps. */
    public boolean passiveWait() {
        return ompWaitPolicy.equalsIgnoreCase("PASSIVE");
    }

    /** Returns advice for a CPU run, or an empty string where these settings are the fast ones. */
    public String advice() {
        List<String> notes = new ArrayList<>();
        boolean chosenLibrary = mallocChoice.contains("/") || mallocChoice.contains(".so");
        if (allocator.equals("glibc") && !chosenLibrary) {
            notes.add(
                    mallocChoice.equals("system")
                            ? "glibc malloc (PRDARTS_MALLOC=system) holds about a fifth more memory"
                                    + " than tcmalloc"
                            : "glibc malloc holds about a fifth more memory than tcmalloc (install"
                                    + " libtcmalloc-minimal4; ./prdarts preloads it)");
        }
        if (passiveWait()) {
            notes.add("OMP_WAIT_POLICY=PASSIVE makes CPU steps about twice as slow");
        } else if (ompWaitPolicy.isEmpty()) {
            notes.add("OMP_WAIT_POLICY is set but empty; OpenMP ignores it");
        } else if (!WAIT_POLICIES.contains(ompWaitPolicy.toUpperCase(Locale.ROOT))) {
            notes.add(
                    "OMP_WAIT_POLICY="
                            + ompWaitPolicy
                            + " is not a wait policy (ACTIVE or PASSIVE); OpenMP ignores it");
        }
        return String.join("; ", notes);
    }

    @Override
    public String toString() {
        return "allocator "
                + allocator
                + ", OMP_WAIT_POLICY "
                + (ompWaitPolicy.isEmpty() ? "(empty)" : ompWaitPolicy);
    }
}
