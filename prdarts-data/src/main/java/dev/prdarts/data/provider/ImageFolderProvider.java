package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetProvider;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Provides {@code image-folder}: the user's own PNG/JPEG images, one subfolder per class.
 *
 * <p>Layout: either {@code DIR/train/<class>/*} and {@code DIR/test/<class>/*} with the same class
 * folders, or just {@code DIR/<class>/*}, in which case every sixth image of each class (in
 * file-name order: the 6th, 12th, ...) becomes the test set. Class names are the folder names in
 * sorted order. Files ending in {@code .png}, {@code .jpg} or {@code .jpeg} are read; other files
 * are ignored.
 *
 * <p>Images are resized to a square of the requested side (default {@value #DEFAULT_SIZE}) by
 * bilinear interpolation, widened to an antialiasing filter when shrinking; images already of that
 * size are kept exactly. The dataset has 1 channel when every image is greyscale, else 3 (grey
 * images are then repeated over R, G and B); alpha is dropped. Images are interleaved class by
 * class (first image of each class, then the second, ...) so that the first and second half of the
 * training set, and any first N images, hold every class.
 */
public final class ImageFolderProvider implements DatasetProvider {

    /** The side images are resized to when the request does not name one. */
    public static final int DEFAULT_SIZE = 32;

    private static final int TEST_EVERY = 6;

    private static final String EXPECTS = "one subfolder of PNG/JPEG images per class";

    @Override
    public String name() {
        return "image-folder";
    }

    @Override
    public String description() {
        return "your PNG/JPEG images, one subfolder per class (optionally under train/ and test/),"
                + " resized to --image-size";
    }

    @Override
    public ImageDataset load(DatasetRequest request) throws IOException {
        Path dir = DataFiles.folder(request, null, name(), EXPECTS);
        int side = request.imageSize() == 0 ? DEFAULT_SIZE : request.imageSize();

        List<List<Path>> trainFiles;
        List<List<Path>> testFiles;
        List<String> classes;
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        if (Files.isDirectory(trainDir) && Files.isDirectory(testDir)) {
            classes = classFolders(trainDir);
            List<String> testClasses = classFolders(testDir);
            if (!testClasses.equals(classes)) {
                throw new DatasetException(
                        testDir,
                        "class folders "
                                + testClasses
                                + " differ from "
                                + trainDir
                                + "'s "
                                + classes);
            }
            trainFiles = imagesPerClass(trainDir, classes);
            testFiles = imagesPerClass(testDir, classes);
        } else {
            classes = classFolders(dir);
            List<List<Path>> all = imagesPerClass(dir, classes);
            trainFiles = new ArrayList<>();
            testFiles = new ArrayList<>();
            for (List<Path> files : all) {
                List<Path> train = new ArrayList<>();
                List<Path> test = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    ((i + 1) % TEST_EVERY == 0 ? test : train).add(files.get(i));
                }
                trainFiles.add(train);
                testFiles.add(test);
            }
        }

        if (testFiles.stream().allMatch(List::isEmpty)) {
            throw new DatasetException(
                    dir,
                    "image folder has too few images for a test set; give a class at least "
                            + TEST_EVERY
                            + " images or use train/ and test/ subfolders");
        }
        List<Decoded> train = decode(interleave(trainFiles), side);
        List<Decoded> test = decode(interleave(testFiles), side);
        boolean grey =
                Stream.concat(train.stream(), test.stream()).allMatch(d -> d.planes.length == 1);
        ImageShape shape = new ImageShape(grey ? 1 : 3, side, side);
        return new ImageDataset(
                name(),
                shape,
                classes,
                pack(train, shape),
                pack(test, shape),
                Optional.empty(),
                Optional.of(dir),
                true);
    }

    private static List<String> classFolders(Path dir) throws IOException {
        List<String> names;
        try (Stream<Path> children = Files.list(dir)) {
            names =
                    children.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith("."))
                            .sorted()
                            .toList();
        }
        if (names.isEmpty()) {
            throw new DatasetException(
                    dir, "image folder has no class subfolders; expected " + EXPECTS);
        }
        return names;
    }

    private static List<List<Path>> imagesPerClass(Path dir, List<String> classes)
            throws IOException {
        List<List<Path>> result = new ArrayList<>();
        for (String name : classes) {
            Path classDir = dir.resolve(name);
            List<Path> files;
            try (Stream<Path> children = Files.list(classDir)) {
                files = children.filter(ImageFolderProvider::isImageName).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new DatasetException(classDir, "class folder holds no PNG/JPEG images");
            }
            result.add(files);
        }
        return result;
    }

    private static boolean isImageName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file)
                && !n.startsWith(".")
                && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    /** Returns (file, label) pairs taking one image of each class in turn. */
    private static List<Labelled> interleave(List<List<Path>> perClass) {
        List<Labelled> out = new ArrayList<>();
        int longest = perClass.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (int c = 0; c < perClass.size(); c++) {
                if (i < perClass.get(c).size()) {
                    out.add(new Labelled(perClass.get(c).get(i), c));
                }
            }
        }
        return out;
    }

    private static List<Decoded> decode(List<Labelled> files, int side) throws IOException {
        List<Decoded> out = new ArrayList<>(files.size());
        for (Labelled f : files) {
            BufferedImage image;
            try {
                image = ImageIO.read(f.file.toFile());
            } catch (IOException | RuntimeException e) {
                throw new DatasetException(
                        f.file, "image cannot be read as PNG/JPEG (" + e.getMessage() + ")", e);
            }
            if (image == null) {
                throw new DatasetException(f.file, "image cannot be read as PNG/JPEG");
            }
            byte[][] planes = ImagePixels.planes(image);
            for (int c = 0; c < planes.length; c++) {
                planes[c] =
                        ImagePixels.resize(planes[c], image.getWidth(), image.getHeight(), side);
            }
            out.add(new Decoded(planes, f.label));
        }
        return out;
    }

    private static ImageSet pack(List<Decoded> images, ImageShape shape) {
        if ((long) images.size() * shape.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    images.size() + " images of " + shape + " are too many to keep in memory");
        }
        byte[] pixels = new byte[images.size() * shape.size()];
        int[] labels = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            Decoded d = images.get(i);
            for (int c = 0; c < shape.channels(); c++) {
                byte[] plane = d.planes[Math.min(c, d.planes.length - 1)];
                System.arraycopy(
                        plane, 0, pixels, i * shape.size() + c * shape.plane(), plane.length);
            }
            labels[i] = d.label;
        }
        return new ImageSet(shape, pixels, labels);
    }

    private record Labelled(Path file, int label) {}

    private record Decoded(byte[][] planes, int label) {}
}
