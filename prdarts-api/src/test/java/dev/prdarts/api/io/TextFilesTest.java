package dev.prdarts.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir Path dir;

    @Test
    void readsUtf8TextWithMultiByteCharacters() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.txt"), "größe = \"µ\"\nzwei\n");

        assertEquals("größe = \"µ\"\nzwei\n", TextFiles.readUtf8(file));
        assertEquals(List.of("größe = \"µ\"", "zwei"), TextFiles.readUtf8Lines(file));
    }

    @Test
    void invalidBytesNameTheFileAndTheOffset() throws Exception {
        byte[] bytes = "ab\n".getBytes(StandardCharsets.UTF_8);
        Path file =
                Files.write(dir.resolve("bin.dat"), new byte[] {bytes[0], bytes[1], (byte) 0xc3});

        NotUtf8TextException e =
                assertThrows(NotUtf8TextException.class, () -> TextFiles.readUtf8(file));

        assertEquals(file + ": not valid UTF-8 text (bad byte at offset 2)", e.getMessage());
        assertEquals(2, e.offset());
        assertEquals(file.toString(), e.file());
    }

    @Test
    void emptyFileIsEmptyText() throws Exception {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);

        assertEquals("", TextFiles.readUtf8(file));
    }
}
