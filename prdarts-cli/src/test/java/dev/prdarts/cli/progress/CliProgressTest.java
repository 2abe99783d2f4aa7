package dev.prdarts.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class CliProgressTest {

    @Test
    void terminalGetsABar() {
        assertEquals(CliProgress.Mode.BAR, CliProgress.choose(true, "xterm-256color"));
        assertEquals(CliProgress.Mode.BAR, CliProgress.choose(true, null));
    }

    @Test
    void noConsoleGetsLogLines() {
        assertEquals(CliProgress.Mode.LOG, CliProgress.choose(false, "xterm-256color"));
        assertEquals(CliProgress.Mode.LOG, CliProgress.choose(false, null));
    }

    @Test
    void dumbTerminalGetsLogLines() {
        assertEquals(CliProgress.Mode.LOG, CliProgress.choose(true, "dumb"));
        assertEquals(CliProgress.Mode.LOG, CliProgress.choose(true, " DUMB "));
    }

    @Test
    void eachModeMakesExactlyOneKindOfListener() {
        assertInstanceOf(BarProgressListener.class, CliProgress.create(CliProgress.Mode.BAR));
        assertInstanceOf(LogProgressListener.class, CliProgress.create(CliProgress.Mode.LOG));
    }
}
