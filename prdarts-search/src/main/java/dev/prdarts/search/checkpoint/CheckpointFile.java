package dev.prdarts.search.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.io.Folders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * Reads and writes single checkpoint files.
 *
 * <p><b>Format</b> (version 1, every number little-endian): the magic {@code PRDCKPT\0}, an int32
 * version; an int64 length and that many bytes of UTF-8 JSON metadata; an int32 tensor count, then
 * per tensor an int32 length and the UTF-8 name, an int32 length and the ASCII data type name (as
 * DJL's {@code DataType}), an int32 rank, one int64 per dimension, an int64 byte count and the
 * values. A 20-byte trailer ends the file: the int64 length of everything before it, the int32
 * CRC32C of those bytes, and the end marker {@code PRDCKEND}.
 *
 * <p><b>Crash safety.</b> {@link #write} writes a temporary file next to the target, forces it to
 * disk, renames it over the target atomically and forces the folder, so the target is either the
 * old file or the complete new one, whenever the process dies. {@link #read} checks length, end
 * marker and checksum before it trusts anything, so a truncated or damaged file is reported, never
 * half loaded.
 *
 * <p>For crash tests only: when the system property {@value #TEST_PAUSE} names the target's file
 * name, the writer stops halfway through the temporary file, prints {@code checkpoint write paused:
 * FILE} on standard output and sleeps, so a test can kill the process mid-write.
 */
public final class CheckpointFile {

    /** The system property that makes the writer pause halfway (crash tests). */
    public static final String TEST_PAUSE = "prdarts.checkpoint.testPause";

    /** The format version this class writes and reads. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "PRDCKPT\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "PRDCKEND".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + Integer.BYTES;
    private static final int TRAILER = Long.BYTES + Integer.BYTES + END.length;
    private static final int STAGING = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFile() {}

    /**
     * Writes {@code checkpoint} to {@code target} atomically.
     *
     * @throws IOException if the file cannot be written; the target is then unchanged and the
     *     temporary file removed
     */
    public static void write(Path target, Checkpoint checkpoint) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Folders.create(dir);
        Path tmp = temporaryFor(target);
        boolean pause = target.getFileName().toString().equals(System.getProperty(TEST_PAUSE));
        try {
            try (FileChannel ch =
                    FileChannel.open(
                            tmp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                Sink out = new Sink(ch);
                out.bytes(MAGIC);
                out.i32(VERSION);
                byte[] json = JSON.writeValueAsBytes(checkpoint.metadata());
                out.i64(json.length);
                out.bytes(json);
                List<StoredTensor> tensors = new ArrayList<>(checkpoint.tensors().values());
                out.i32(tensors.size());
                for (int i = 0; i < tensors.size(); i++) {
                    if (pause && i == tensors.size() / 2) {
                        out.flush();
                        ch.force(true);
                        pauseForTest(tmp);
                    }
                    StoredTensor t = tensors.get(i);
                    out.string(t.name(), StandardCharsets.UTF_8);
                    out.string(t.dataType().name(), StandardCharsets.US_ASCII);
                    long[] dims = t.shape().getShape();
                    out.i32(dims.length);
                    for (long d : dims) {
                        out.i64(d);
                    }
                    out.i64(t.byteSize());
                    out.large(t.data());
                }
                out.flush();
                long payload = out.count;
                int crc = (int) out.crc.getValue();
                ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
                trailer.putLong(payload).putInt(crc).put(END).flip();
                writeFully(ch, trailer);
                ch.force(true);
            }
            move(tmp, target);
            syncFolder(dir);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Returns the temporary file {@link #write} uses for {@code target}. */
    static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /**
     * Reads and checks a checkpoint file.
     *
     * @throws CheckpointFormatException naming the file and the problem when it is truncated,
     *     damaged, of another version or not a checkpoint
     * @throws IOException if the file cannot be read
     */
    public static Checkpoint read(Path file) throws IOException {
        long size = Files.size(file);
        if (size < HEADER + TRAILER) {
            throw new CheckpointFormatException(
                    file,
                    "truncated: "
                            + size
                            + " bytes, fewer than the "
                            + (HEADER + TRAILER)
                            + " of an empty checkpoint");
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new CheckpointFormatException(
                    file, "larger than 2 GiB (" + size + " bytes); this reader cannot load it");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw new CheckpointFormatException(file, "shrank while it was read");
                }
            }
        }
        buf.flip();

        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new CheckpointFormatException(
                    file, "not a prdarts checkpoint (it does not start with PRDCKPT)");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new CheckpointFormatException(
                    file,
                    "format version "
                            + version
                            + " is not supported (this build reads "
                            + VERSION
                            + ")");
        }
        int trailerAt = (int) size - TRAILER;
        byte[] end = new byte[END.length];
        buf.get(trailerAt + Long.BYTES + Integer.BYTES, end);
        if (!java.util.Arrays.equals(end, END)) {
            throw new CheckpointFormatException(
                    file,
                    "truncated or incomplete: the end marker is missing (" + size + " bytes)");
        }
        long payload = buf.getLong(trailerAt);
        if (payload != trailerAt) {
            throw new CheckpointFormatException(
                    file,
                    "truncated or padded: the trailer names "
                            + payload
                            + " payload bytes, the file holds "
                            + trailerAt);
        }
        int stored = buf.getInt(trailerAt + Long.BYTES);
        CRC32C crc = new CRC32C();
        crc.update(buf.duplicate().position(0).limit(trailerAt));
        int computed = (int) crc.getValue();
        if (stored != computed) {
            throw new CheckpointFormatException(
                    file,
                    String.format(
                            Locale.ROOT,
                            "checksum mismatch: stored CRC32C %08x, computed %08x (the file is"
                                    + " damaged)",
                            stored,
                            computed));
        }

        ByteBuffer body = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).limit(trailerAt);
        body.position(HEADER);
        try {
            return parse(file, body);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CheckpointFormatException(
                    file, "malformed content although the checksum matches: " + e, e);
        }
    }

    private static Checkpoint parse(Path file, ByteBuffer body) throws IOException {
        long jsonLength = body.getLong();
        if (jsonLength < 0 || jsonLength > body.remaining()) {
            throw new CheckpointFormatException(
                    file, "malformed: metadata length " + jsonLength + " exceeds the file");
        }
        byte[] json = new byte[(int) jsonLength];
        body.get(json);
        JsonNode metadata;
        try {
            metadata = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CheckpointFormatException(
                    file, "malformed metadata: " + e.getOriginalMessage(), e);
        }
        if (!(metadata instanceof ObjectNode object)) {
            throw new CheckpointFormatException(file, "malformed metadata: not a JSON object");
        }
        int count = body.getInt();
        if (count < 0) {
            throw new CheckpointFormatException(file, "malformed: tensor count " + count);
        }
        List<StoredTensor> tensors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = string(file, body, StandardCharsets.UTF_8);
            String typeName = string(file, body, StandardCharsets.US_ASCII);
            DataType type;
            try {
                type = DataType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                throw new CheckpointFormatException(
                        file, "tensor " + name + " has the unknown data type " + typeName, e);
            }
            int rank = body.getInt();
            if (rank < 0 || rank > 32) {
                throw new CheckpointFormatException(
                        file, "tensor " + name + " has the impossible rank " + rank);
            }
            long[] dims = new long[rank];
            for (int d = 0; d < rank; d++) {
                dims[d] = body.getLong();
            }
            Shape shape = new Shape(dims);
            long bytes = body.getLong();
            if (bytes != shape.size() * type.getNumOfBytes() || bytes > body.remaining()) {
                throw new CheckpointFormatException(
                        file,
                        "tensor "
                                + name
                                + " ("
                                + type
                                + " "
                                + shape
                                + ") claims "
                                + bytes
                                + " bytes, "
                                + body.remaining()
                                + " remain");
            }
            ByteBuffer slice = body.slice().limit((int) bytes);
            body.position(body.position() + (int) bytes);
            tensors.add(StoredTensor.wrap(name, type, shape, slice));
        }
        if (body.hasRemaining()) {
            throw new CheckpointFormatException(
                    file, "malformed: " + body.remaining() + " bytes after the last tensor");
        }
        try {
            return new Checkpoint(object, tensors);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(file, "malformed: " + e.getMessage(), e);
        }
    }

    private static String string(Path file, ByteBuffer body, java.nio.charset.Charset charset)
            throws CheckpointFormatException {
        int length = body.getInt();
        if (length < 0 || length > body.remaining()) {
            throw new CheckpointFormatException(
                    file, "malformed: a string length of " + length + " exceeds the file");
        }
        byte[] b = new byte[length];
        body.get(b);
        return new String(b, charset);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the folder entry of a rename to disk where the platform allows opening folders. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open or force a folder; the rename itself is still atomic
        }
    }

    private static void pauseForTest(Path tmp) {
        PrintStream out = System.out;
        out.println("checkpoint write paused: " + tmp);
        out.flush();
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Writes through a staging buffer, counting bytes and updating the checksum. */
    private static final class Sink {
        final FileChannel ch;
        final ByteBuffer staging = ByteBuffer.allocate(STAGING).order(ByteOrder.LITTLE_ENDIAN);
        final CRC32C crc = new CRC32C();
        long count;

        Sink(FileChannel ch) {
            this.ch = ch;
        }

        void i32(int v) throws IOException {
            room(Integer.BYTES);
            staging.putInt(v);
        }

        void i64(long v) throws IOException {
            room(Long.BYTES);
            staging.putLong(v);
        }

        void string(String s, java.nio.charset.Charset charset) throws IOException {
            byte[] b = s.getBytes(charset);
            i32(b.length);
            bytes(b);
        }

        void bytes(byte[] b) throws IOException {
            large(ByteBuffer.wrap(b));
        }

        /** Writes a buffer's remaining bytes, directly when they would not fit the staging. */
        void large(ByteBuffer data) throws IOException {
            if (data.remaining() <= staging.remaining()) {
                staging.put(data);
                return;
            }
            flush();
            crc.update(data.duplicate());
            count += data.remaining();
            writeFully(ch, data.duplicate());
        }

        void room(int bytes) throws IOException {
            if (staging.remaining() < bytes) {
                flush();
            }
        }

        void flush() throws IOException {
            staging.flip();
            crc.update(staging.duplicate());
            count += staging.remaining();
            writeFully(ch, staging);
            staging.clear();
        }
    }
}
