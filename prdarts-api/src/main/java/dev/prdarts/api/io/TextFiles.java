package dev.prdarts.api.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads UTF-8 text files, naming the file and the first bad byte when one is not text. */
public final class TextFiles {

    private TextFiles() {}

    /**
     * Returns the whole content of a UTF-8 text file.
     *
     * @param file the file to read
     * @return its text
     * @throws NotUtf8TextException naming the file and the offset of the first byte that is not
     *     part of valid UTF-8
     * @throws IOException when the file cannot be read
     */
    public static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new NotUtf8TextException(file, in.position());
        }
        return out.flip().toString();
    }

    /**
     * Returns the lines of a UTF-8 text file, split as {@link String#lines()} splits them.
     *
     * @param file the file to read
     * @return its lines, without line terminators
     * @throws NotUtf8TextException naming the file and the offset of the first bad byte
     * @throws IOException when the file cannot be read
     */
    public static List<String> readUtf8Lines(Path file) throws IOException {
        return readUtf8(file).lines().toList();
    }
}
