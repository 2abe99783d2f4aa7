package dev.prdarts.data;

import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a dataset's per-channel statistics once and caches them in a small properties file.
 *
 * <p>The cache file {@code prdarts-normalization-<dataset>.properties} is written next to the data
 * (the dataset's home folder). When that folder is not writable, lies under {@code /usr} (package
 * managed, like the Debian Fashion-MNIST files, even for root), or the data has no folder (the
 * built-in sample), it goes to the fallback folder instead, by default the user cache folder {@code
 * $XDG_CACHE_HOME/prdarts} or {@code ~/.cache/prdarts}. An entry is used only when the dataset
 * name, image count, shape and a hash of the training labels match, so a changed dataset is
 * measured again.
 */
final class NormalizationCache {

    private static final Logger LOG = LoggerFactory.getLogger(NormalizationCache.class);

    private final Path fallbackDir;

    /** Creates a cache that falls back to {@code fallbackDir} when the data folder is read-only. */
    NormalizationCache(Path fallbackDir) {
        this.fallbackDir = fallbackDir;
    }

    /**
     * Returns the user cache folder: {@code $XDG_CACHE_HOME/prdarts} or {@code ~/.cache/prdarts}.
     */
    static Path userCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "prdarts");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "prdarts");
    }

    /** Returns the dataset's known statistics, or the cached or freshly computed ones. */
    Normalization resolve(ImageDataset dataset) {
        if (dataset.normalization().isPresent()) {
            return dataset.normalization().get();
        }
        Properties key = key(dataset);
        Optional<Path> home = dataset.home();
        Path homeFile = home.map(h -> h.resolve(fileName(dataset))).orElse(null);
        Path fallbackFile = fallbackDir.resolve(fallbackName(dataset));
        for (Path file : new Path[] {homeFile, fallbackFile}) {
            Optional<Normalization> cached = read(file, key);
            if (cached.isPresent()) {
                LOG.debug("normalisation of {} read from {}", dataset.name(), file);
                return cached.get();
            }
        }

        Normalization computed = compute(dataset.train());
        Path written = null;
        if (homeFile != null && writableHome(home.get()) && write(homeFile, key, computed)) {
            written = homeFile;
        } else if (write(fallbackFile, key, computed)) {
            written = fallbackFile;
        }
        LOG.info(
                "normalisation of {} computed from {} training images: mean {} std {}{}",
                dataset.name(),
                dataset.train().size(),
                computed.mean(),
                computed.std(),
                written == null ? " (not cached: no writable folder)" : ", cached in " + written);
        return computed;
    }

    private static boolean writableHome(Path home) {
        return Files.isWritable(home) && !home.toAbsolutePath().normalize().startsWith("/usr");
    }

    /** Returns the mean and standard deviation of each channel over all images, in [0, 1] units. */
    static Normalization compute(ImageSet images) {
        ImageShape shape = images.shape();
        long[] sum = new long[shape.channels()];
        long[] squares = new long[shape.channels()];
        byte[] image = new byte[shape.size()];
        for (int i = 0; i < images.size(); i++) {
            images.copyImage(i, image, 0);
            for (int c = 0; c < shape.channels(); c++) {
                long s = 0;
                long q = 0;
                for (int p = c * shape.plane(), end = p + shape.plane(); p < end; p++) {
                    int v = image[p] & 0xFF;
                    s += v;
                    q += v * v;
                }
                sum[c] += s;
                squares[c] += q;
            }
        }
        double count = (double) images.size() * shape.plane();
        double[] mean = new double[shape.channels()];
        double[] std = new double[shape.channels()];
        for (int c = 0; c < shape.channels(); c++) {
            mean[c] = count == 0 ? 0 : sum[c] / count / 255.0;
            double variance =
                    count == 0 ? 0 : squares[c] / count / (255.0 * 255.0) - mean[c] * mean[c];
            double s = Math.sqrt(Math.max(0, variance));
            std[c] = s < 1e-6 ? 1.0 : s;
        }
        return Normalization.of(mean, std);
    }

    private static String fileName(ImageDataset dataset) {
        return "prdarts-normalization-" + dataset.name() + ".properties";
    }

    private static String fallbackName(ImageDataset dataset) {
        String where =
                dataset.home().map(h -> h.toAbsolutePath().normalize().toString()).orElse("");
        return "prdarts-normalization-"
                + dataset.name()
                + "-"
                + Integer.toHexString(where.hashCode())
                + ".properties";
    }

    private static Properties key(ImageDataset dataset) {
        ImageSet train = dataset.train();
        int[] labels = new int[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.label(i);
        }
        Properties key = new Properties();
        key.setProperty("dataset", dataset.name());
        key.setProperty("images", Integer.toString(train.size()));
        key.setProperty("shape", dataset.shape().toString());
        key.setProperty("labels-hash", Integer.toHexString(Arrays.hashCode(labels)));
        return key;
    }

    private static Optional<Normalization> read(Path file, Properties key) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            for (String name : key.stringPropertyNames()) {
                if (!key.getProperty(name).equals(p.getProperty(name))) {
                    LOG.debug("cached normalisation {} is for other data ({})", file, name);
                    return Optional.empty();
                }
            }
            return Optional.of(Normalization.of(doubles(p, "mean"), doubles(p, "std")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable normalisation cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static double[] doubles(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static boolean write(Path file, Properties key, Normalization stats) {
        Properties p = new Properties();
        p.putAll(key);
        p.setProperty("mean", join(stats.mean()));
        p.setProperty("std", join(stats.std()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".prdarts-normalization", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "prdarts: per-channel statistics of the training set, pixels / 255");
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot cache normalisation in {}: {}", file, e.toString());
            return false;
        }
    }

    private static String join(java.util.List<Double> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
