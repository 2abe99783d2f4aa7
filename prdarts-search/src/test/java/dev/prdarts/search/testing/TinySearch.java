package dev.prdarts.search.testing;

import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.data.DataOptions;
import dev.prdarts.data.DataSplits;
import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.hardware.ScriptedMemoryProbe;
import dev.prdarts.search.config.ConfigException;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.run.RunFolder;
import dev.prdarts.search.run.SearchResult;
import dev.prdarts.search.run.SearchRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A tiny synthetic dataset and search settings that run a whole search in seconds. */
public final class TinySearch {

    /** The DL space of DESIGN section 4. */
    public static final ConstraintSpace DL = new ConstraintSpace("DL", 3, 7, 2, 1, 1, 1);

    /** A two-cycle schedule with morphs in the first cycle. */
    public static final String TWO_CYCLES =
            "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 1\nkept = 3\n"
                    + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\n";

    /**
     * A three-cycle schedule of 5 epochs: morphs after the first two cycles, the last cycle without
     * grace.
     */
    public static final String THREE_CYCLES =
            "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 1\nkept = 3\n"
                    + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 1\nkept = 2\n"
                    + "[[cycles]]\nepochs = 1\ngrace = 0\nmorphs = 0\nkept = 1\n";

    private TinySearch() {}

    /**
     * Returns a config for 1x8x8 images, C = 4, 3 cells, batch 8, with extra TOML appended (for
     * example a schedule).
     */
    public static SearchConfig config(String extra) throws ConfigException {
        String text =
                "seed = 3\nthreads = 1\ndevice = \"cpu\"\n"
                        + "[data]\ndataset = \"tiny\"\nlimit = 0\n"
                        + "[search]\nchannels = 4\ncells = 3\nvalid_epochs = 1\n"
                        + "[batch]\nmin = 8\nmult = 8\nmax = 8\n"
                        + extra;
        return new SearchConfigLoader().parse("tiny.toml", text);
    }

    /**
     * Returns 48 training and 8 test images of 1x8x8 in two classes (bright left or right half)
     * with seeded noise, split in halves of 24.
     */
    public static DataSplits data(long seed) {
        ImageShape shape = new ImageShape(1, 8, 8);
        ImageDataset dataset =
                new ImageDataset(
                        "tiny",
                        shape,
                        List.of("left", "right"),
                        images(shape, 48, 1),
                        images(shape, 8, 2),
                        Optional.of(Normalization.of(new double[] {0.5}, new double[] {0.25})),
                        Optional.empty(),
                        true);
        DataOptions options = DataOptions.builder().seed(seed).pad(1).build();
        return DataSplits.of(dataset, options, dataset.normalization().orElseThrow());
    }

    private static ImageSet images(ImageShape shape, int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        byte[] pixels = new byte[count * shape.size()];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    boolean bright = (x < shape.width() / 2) == (labels[i] == 0);
                    int v = (bright ? 170 : 60) + random.nextInt(60);
                    pixels[i * shape.size() + y * shape.width() + x] = (byte) v;
                }
            }
        }
        return new ImageSet(shape, pixels, labels);
    }

    /** Returns a batch-size manager that never changes the size. */
    public static BatchSizeManager batches(SearchConfig config) {
        SearchConfig.Batch b = config.batch();
        return new BatchSizeManager(
                new BatchSizeConfig(b.min(), b.mult(), b.max(), b.threshold()),
                new ScriptedMemoryProbe(1L << 30).thenUsages(0.5));
    }

    /** Runs a whole tiny search into {@code dir}. */
    public static SearchResult run(SearchConfig config, Path dir) throws IOException {
        return new SearchRunner(
                        config,
                        data(config.seed()),
                        DL,
                        batches(config),
                        null,
                        RunFolder.prepare(dir, false))
                .run();
    }
}
