package dev.prdarts.ops.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TomlChecksTest {

    @Test
    void keyWithoutValueIsFoundWithItsLine() {
        String text = "[search]\nseed = 3\n\n[batch]\nmin =   # later\nmax = 64\n";
        assertEquals(Optional.of("line 5: key 'min' has no value"), TomlChecks.emptyValue(text));
    }

    @Test
    void completeFileHasNoEmptyValue() {
        String text = "# a = \n[search]\nspace = \"DL\"\nnote = \"\"\"\nx =\n\"\"\"\nseed = 1\n";
        assertEquals(Optional.empty(), TomlChecks.emptyValue(text));
    }
}
