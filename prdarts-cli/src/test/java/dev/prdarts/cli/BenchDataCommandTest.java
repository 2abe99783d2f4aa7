package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchDataCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void jsonReportsThroughputAndHeldMemory() throws Exception {
        int code = run("bench", "data", "--images", "3000", "--seconds", "0.2", "--json");

        assertEquals(0, code, err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertEquals("3x32x32", r.get("shape").asText());
        assertEquals(3000L * 3072, r.get("held_bytes").asLong());
        assertTrue(r.get("images_streamed").asLong() > 0);
        assertEquals(
                r.get("images_streamed").asDouble() / r.get("seconds").asDouble(),
                r.get("images_per_second").asDouble(),
                1e-6 * r.get("images_per_second").asDouble());
        assertEquals(1, r.get("worker_threads").asInt());
    }

    @Test
    void badSettingGivesOneLineAndExitCodeTwo() {
        int code = run("bench", "data", "--images", "0");

        assertEquals(Main.EXIT_USAGE, code);
        assertEquals(
                "prdarts: error: benchmark needs images >= 1, batch size >= 1 and seconds > 0, got"
                        + " 0, 64, 5.0",
                err.toString().strip());
    }

    @Test
    void benchWithoutSubcommandIsAnErrorListingTheBenchmarks() {
        int code = run("bench");

        assertEquals(Main.EXIT_USAGE, code);
        assertEquals(
                "prdarts: error: missing subcommand: one of data, search-step, checkpoint,"
                        + " train-step is required; see ./prdarts bench --help",
                err.toString().strip());
        assertEquals("", out.toString());
    }
}
