package dev.prdarts.search.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryDriftBenchmarkTest {

    @Test
    void resultLineRoundTrips() throws IOException {
        MemoryDriftBenchmark.Result r =
                new MemoryDriftBenchmark.Result(
                        List.of(800_000_000L, 810_000_000L, 812_500_000L), 3.5);

        String line = MemoryDriftBenchmark.format(r);
        MemoryDriftBenchmark.Result back = MemoryDriftBenchmark.parse(line);

        assertTrue(line.startsWith(MemoryDriftBenchmark.RESULT_MARKER), line);
        assertEquals(r, back);
        assertEquals(812_500_000.0 / 810_000_000.0, back.ratio(2, 3), 1e-12);
    }

    @Test
    void unreadableResultLinesAreErrors() {
        String marker = MemoryDriftBenchmark.RESULT_MARKER;
        assertThrows(IOException.class, () -> MemoryDriftBenchmark.parse(marker + " 1 2 3"));
        assertThrows(
                IOException.class, () -> MemoryDriftBenchmark.parse(marker + " 1 x seconds 2.0"));
        assertThrows(IOException.class, () -> MemoryDriftBenchmark.parse(marker + " seconds 2"));
    }

    @Test
    void freshJvmReportsResidentMemoryPerEpoch() throws Exception {
        MemoryDriftBenchmark.Result r = MemoryDriftBenchmark.runInFreshJvm(2, 3, 1);

        assertEquals(2, r.residentBytes().size(), r.toString());
        // the child's heap alone is 512 MB and touched at start
        for (long bytes : r.residentBytes()) {
            assertTrue(bytes > 512L * 1024 * 1024, r.toString());
        }
        assertTrue(r.seconds() > 0, r.toString());
    }

    @Test
    void tooFewEpochsAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> MemoryDriftBenchmark.runInFreshJvm(1, 0, 1));
    }
}
