package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
