package dev.prdarts.search.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    @TempDir Path dir;

    static Checkpoint sample(float base) {
        ObjectNode meta = new ObjectMapper().createObjectNode();
        meta.put("cycle", 2).put("note", "é ünïcode").put("seed", Long.MIN_VALUE);
        meta.putArray("rows").addObject().put("loss", 0.1 + 0.2);
        float[] weights = new float[3 * 4];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = base + i / 7f;
        }
        weights[5] = Float.intBitsToFloat(0x7fc00123); // a NaN payload must survive too
        weights[6] = -0.0f;
        ByteBuffer longs = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        longs.putLong(Long.MAX_VALUE).putLong(-7).flip();
        return new Checkpoint(
                meta,
                List.of(
                        StoredTensor.floats("net/cells.0.w", new Shape(3, 4), weights),
                        StoredTensor.floats("net/scalar", new Shape(), new float[] {base}),
                        StoredTensor.floats("empty", new Shape(0, 5), new float[0]),
                        StoredTensor.bytes("counts", DataType.INT64, new Shape(2), longs)));
    }

    @Test
    void roundTripKeepsMetadataNamesShapesAndEveryBit() throws Exception {
        Checkpoint written = sample(1.5f);
        Path file = dir.resolve("a.ckpt");

        CheckpointFile.write(file, written);
        Checkpoint read = CheckpointFile.read(file);

        assertEquals(written.metadata(), read.metadata());
        assertEquals(List.copyOf(written.tensors().keySet()), List.copyOf(read.tensors().keySet()));
        for (String name : written.tensors().keySet()) {
            assertEquals(written.tensors().get(name), read.tensors().get(name), name);
        }
        float[] w = read.tensors().get("net/cells.0.w").toFloatArray();
        assertEquals(0x7fc00123, Float.floatToRawIntBits(w[5]));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(w[6]));
        assertEquals(new Shape(), read.tensors().get("net/scalar").shape());
        assertEquals(-7, read.tensors().get("counts").data().getLong(8));
        assertEquals(List.of("cells.0.w", "scalar"), List.copyOf(read.withPrefix("net/").keySet()));
        assertFalse(Files.exists(CheckpointFile.temporaryFor(file)));
    }

    @Test
    void engineArraysComeBackWithTheSameValuesAndType() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f = m.randomNormal(new Shape(2, 3, 4));
            NDArray i = m.create(new int[] {3, -1, 7});
            Path file = dir.resolve("nd.ckpt");
            CheckpointFile.write(
                    file,
                    new Checkpoint(
                            new ObjectMapper().createObjectNode(),
                            List.of(StoredTensor.of("f", f), StoredTensor.of("i", i))));

            Checkpoint read = CheckpointFile.read(file);
            NDArray f2 = read.tensors().get("f").toArray(m);
            NDArray i2 = read.tensors().get("i").toArray(m);

            assertArrayEquals(f.toFloatArray(), f2.toFloatArray());
            assertEquals(f.getShape(), f2.getShape());
            assertEquals(DataType.INT32, i2.getDataType());
            assertArrayEquals(new int[] {3, -1, 7}, i2.toIntArray());
        }
    }

    @Test
    void truncatedFileIsReportedAsTruncated() throws Exception {
        Path file = dir.resolve("t.ckpt");
        CheckpointFile.write(file, sample(0));
        byte[] all = Files.readAllBytes(file);

        for (int keep : new int[] {all.length - 1, all.length / 2, 30, 5}) {
            Files.write(file, Arrays.copyOf(all, keep));
            CheckpointFormatException e =
                    assertThrows(CheckpointFormatException.class, () -> CheckpointFile.read(file));
            assertTrue(e.getMessage().startsWith("checkpoint " + file + " is unusable: "));
            assertTrue(e.problem().startsWith("truncated"), keep + " bytes: " + e.problem());
            assertEquals(file, e.file());
        }
    }

    @Test
    void flippedBitIsReportedAsChecksumMismatch() throws Exception {
        Path file = dir.resolve("c.ckpt");
        CheckpointFile.write(file, sample(0));
        byte[] all = Files.readAllBytes(file);
        all[all.length / 2] ^= 0x10;
        Files.write(file, all);

        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> CheckpointFile.read(file));

        assertTrue(e.problem().startsWith("checksum mismatch: stored CRC32C "), e.problem());
    }

    @Test
    void otherFilesAreNotCheckpoints() throws Exception {
        Path file = dir.resolve("x.ckpt");
        Files.writeString(file, "this is not a checkpoint, only some text that is long enough");

        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> CheckpointFile.read(file));

        assertEquals("not a prdarts checkpoint (it does not start with PRDCKPT)", e.problem());
    }

    @Test
    void writeReplacesAnOlderFileOfTheSameName() throws Exception {
        Path file = dir.resolve("r.ckpt");
        CheckpointFile.write(file, sample(1));

        CheckpointFile.write(file, sample(2));

        assertEquals(
                sample(2).tensors().get("net/scalar"),
                CheckpointFile.read(file).tensors().get("net/scalar"));
        try (var list = Files.list(dir)) {
            assertEquals(List.of(file), list.toList());
        }
    }

    @Test
    void tensorWithTheWrongNumberOfBytesIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StoredTensor.floats("w", new Shape(2, 2), new float[3]));
        assertEquals("tensor w: float32 (2, 2) needs 16 bytes, got 12", e.getMessage());
    }
}
