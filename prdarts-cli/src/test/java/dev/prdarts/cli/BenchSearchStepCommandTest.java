package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.search.bench.SearchStepBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchSearchStepCommandTest {

    @Test
    void unknownPoolListsTheKnownOnes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code =
                Main.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "bench",
                        "search-step",
                        "--pool",
                        "eight");

        assertEquals(Main.EXIT_USAGE, code);
        assertTrue(
                err.toString().contains("unknown pool 'eight'; known pools: all, prdarts4, six"),
                err.toString());
    }

    @Test
    void benchWithoutSubcommandNamesTheSearchStep() {
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "bench");

        assertEquals(Main.EXIT_USAGE, code);
        assertTrue(err.toString().contains("search-step"), err.toString());
    }

    private static SearchStepBenchmark.PoolResult result(double msPerStep, long peakBytes) {
        double[] times = {msPerStep};
        return new SearchStepBenchmark.PoolResult(
                "six", 1_262_202, times, times, times, 64, peakBytes, peakBytes);
    }

    @Test
    void targetNeedsThreeTimesTheThroughputAtHalfTheMemory() {
        // six candidates: the authors reach 7.4 images/s at 4.6 GB, so the bar is 22.2 at 2.3 GB
        assertTrue(BenchSearchStepCommand.targetMet(result(64_000 / 22.3, 2_299_000_000L), 1));
        assertFalse(BenchSearchStepCommand.targetMet(result(64_000 / 22.1, 2_000_000_000L), 1));
        assertFalse(BenchSearchStepCommand.targetMet(result(64_000 / 40.0, 2_301_000_000L), 1));
        // an unknown peak (-1) never counts as met
        assertFalse(BenchSearchStepCommand.targetMet(result(64_000 / 40.0, -1), 1));
        // prdarts4: 16 images/s at 2.6 GB
        assertTrue(BenchSearchStepCommand.targetMet(result(64_000 / 48.5, 1_290_000_000L), 0));
        assertFalse(BenchSearchStepCommand.targetMet(result(64_000 / 47.5, 1_290_000_000L), 0));
    }

    @Test
    void helpFormatsItsPercentSigns() {
        StringWriter out = new StringWriter();
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            Main.run(
                    new PrintWriter(out),
                    new PrintWriter(new StringWriter()),
                    "bench",
                    "search-step",
                    "--help");
        } finally {
            System.setErr(stderr);
        }
        assertTrue(out.toString().contains("(target: within 5%)."), out.toString());
        assertFalse(captured.toString().contains("Could not format"), captured.toString());
    }
}
