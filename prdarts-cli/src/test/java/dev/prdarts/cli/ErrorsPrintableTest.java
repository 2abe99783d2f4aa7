package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ErrorsPrintableTest {

    @Test
    void controlCharactersOfABinaryFileAreShownAsQuestionMarks() {
        assertEquals(
                "bad key 'a?b?' in x.toml",
                Errors.oneLine(new IllegalArgumentException("bad key 'a\u0000b\u0007' in x.toml")));
    }

    @Test
    void jacksonFailuresLeaveOutTheDescriptionOfTheirSource() {
        Exception e = assertThrows(Exception.class, () -> new ObjectMapper().readTree("{\"a\": }"));

        String line = Errors.oneLine(e);

        assertFalse(line.contains("Source"), line);
        assertTrue(line.startsWith("not valid JSON: Unexpected character"), line);
    }
}
