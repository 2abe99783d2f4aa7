package dev.prdarts.data.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small dataset files byte by byte, independently of the readers under test. */
public final class DataFixtures {

    private DataFixtures() {}

    /** Returns the test pattern value of byte {@code p} of image {@code image}. */
    public static byte pattern(int image, int p) {
        return (byte) (image * 31 + p * 7 + (p >> 5));
    }

    /** Returns an image of {@code size} bytes filled with the test pattern. */
    public static byte[] patternImage(int image, int size) {
        byte[] b = new byte[size];
        for (int p = 0; p < size; p++) {
            b[p] = pattern(image, p);
        }
        return b;
    }

    /**
     * Writes a CIFAR binary file: for each record its label bytes, then 3072 pattern bytes of image
     * {@code firstImage + r}.
     */
    public static void cifar(Path file, int[][] labels, int firstImage) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int r = 0; r < labels.length; r++) {
                for (int l : labels[r]) {
                    out.write(l);
                }
                out.write(patternImage(firstImage + r, 3072));
            }
        }
    }

    /** Writes an IDX image file of pattern images with the given header values. */
    public static void idxImages(
            Path file, int magic, int count, int rows, int cols, int imagesWritten, boolean gzip)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int i = 0; i < imagesWritten; i++) {
                out.write(patternImage(i, rows * cols));
            }
        }
        write(file, bytes.toByteArray(), gzip);
    }

    /** Writes an IDX label file. */
    public static void idxLabels(Path file, int magic, int[] labels, boolean gzip)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(labels.length);
            for (int l : labels) {
                out.writeByte(l);
            }
        }
        write(file, bytes.toByteArray(), gzip);
    }

    /**
     * Writes a complete, valid MNIST-style folder (train 12 images, test 5), optionally gzipped.
     */
    public static void idxFolder(Path dir, int rows, int cols, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        String gz = gzip ? ".gz" : "";
        idxImages(dir.resolve("train-images-idx3-ubyte" + gz), 2051, 12, rows, cols, 12, gzip);
        idxLabels(dir.resolve("train-labels-idx1-ubyte" + gz), 2049, labels(12), gzip);
        idxImages(dir.resolve("t10k-images-idx3-ubyte" + gz), 2051, 5, rows, cols, 5, gzip);
        idxLabels(dir.resolve("t10k-labels-idx1-ubyte" + gz), 2049, labels(5), gzip);
    }

    /** Returns labels {@code i * 3 % 10} for i = 0..n-1. */
    public static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i * 3 % 10;
        }
        return l;
    }

    private static void write(Path file, byte[] data, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            out.write(data);
        }
    }
}
