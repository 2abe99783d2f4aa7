package dev.prdarts.search.testing;

import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.data.DataSplits;
import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.hardware.ScriptedMemoryProbe;
import dev.prdarts.search.bench.SyntheticData;
import dev.prdarts.search.config.ConfigException;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.run.RunFolder;
import dev.prdarts.search.run.SearchResult;
import dev.prdarts.search.run.SearchRunner;
import java.io.IOException;
import java.nio.file.Path;

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

    /** Returns 48 training images of 1x8x8 in two classes, split in halves of 24. */
    public static DataSplits data(long seed) {
        return SyntheticData.splits(new ImageShape(1, 8, 8), 2, 48, seed);
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
