package dev.prdarts.search.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.OpKind;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.data.Augmentation;
import dev.prdarts.data.Batch;
import dev.prdarts.data.BatchStream;
import dev.prdarts.data.DataSplits;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.ops.morph.MorphRules;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigToml;
import dev.prdarts.search.genotype.GenotypeJson;
import dev.prdarts.search.genotype.GenotypeText;
import dev.prdarts.search.pools.Candidate;
import dev.prdarts.search.pools.CellPools;
import dev.prdarts.search.pools.EdgeOutcome;
import dev.prdarts.search.pools.EdgePool;
import dev.prdarts.search.pools.GenotypeDerivation;
import dev.prdarts.search.pools.PruneAndReplace;
import dev.prdarts.search.progress.ProgressListener;
import dev.prdarts.search.progress.ProgressTask;
import dev.prdarts.search.stats.CellStatistics;
import dev.prdarts.search.stats.CycleReport;
import dev.prdarts.search.stats.EpochMetrics;
import dev.prdarts.search.stats.MetricsWriter;
import dev.prdarts.search.stats.PoolsWriter;
import dev.prdarts.search.supernet.Supernet;
import dev.prdarts.search.supernet.SupernetSpec;
import dev.prdarts.search.train.BilevelTrainer;
import dev.prdarts.search.train.CosineSchedule;
import dev.prdarts.search.train.NonFiniteLossException;
import dev.prdarts.search.train.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole PR-DARTS search: the cycles of the schedule, each training a freshly built supernet
 * and ending with prune and replace, then the final genotype (DESIGN section 5; Laube and Zell,
 * "Prune and Replace NAS", 2019).
 *
 * <p>Everything is written into the run folder as soon as it exists: {@code config.toml} first, one
 * {@code metrics.jsonl} line per finished epoch, {@code pools/cycle-N.json} per finished cycle and
 * {@code genotype.json} at the end. A NaN or infinite loss stops the search with an {@link
 * IllegalStateException} whose message says where; the files written so far stay.
 */
public final class SearchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SearchRunner.class);

    private final SearchConfig config;
    private final DataSplits data;
    private final ConstraintSpace space;
    private final BatchSizeManager batches;
    private final Device device;
    private final RunFolder folder;
    private Consumer<EpochMetrics> epochListener = m -> {};
    private ProgressListener progress = ProgressListener.none();

    /**
     * Creates a runner.
     *
     * @param config the resolved settings
     * @param data the loaded dataset with its weight and alpha halves
     * @param space the constraint space morphs must stay in
     * @param batches the batch-size manager (reset to its minimum at every cycle)
     * @param device the device to train on, or null for the engine's default
     * @param folder the prepared run folder
     */
    public SearchRunner(
            SearchConfig config,
            DataSplits data,
            ConstraintSpace space,
            BatchSizeManager batches,
            Device device,
            RunFolder folder) {
        this.config = config;
        this.data = data;
        this.space = space;
        this.batches = batches;
        this.device = device;
        this.folder = folder;
    }

    /**
     * Sets what is called after every finished epoch, once its metrics line is written; the default
     * does nothing.
     */
    public void setEpochListener(Consumer<EpochMetrics> listener) {
        this.epochListener = listener == null ? m -> {} : listener;
    }

    /**
     * Sets where the progress within each epoch is reported, counted in training images; the
     * default shows nothing.
     */
    public void setProgressListener(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.none() : listener;
    }

    /**
     * Runs the search to its end.
     *
     * @return the final genotype and summary figures
     * @throws IOException when a run file cannot be written
     * @throws IllegalStateException when a loss becomes NaN or infinite
     */
    public SearchResult run() throws IOException {
        long start = System.nanoTime();
        Files.writeString(
                folder.file(RunFolder.CONFIG),
                SearchConfigToml.write(config),
                StandardCharsets.UTF_8);

        List<CycleSpec> cycles = config.schedule().cycles();
        CellPools pools = new CellPools(config.search().catalog().ops());
        SupernetSpec spec =
                new SupernetSpec(
                        data.shape().channels(),
                        data.shape().height(),
                        data.shape().width(),
                        data.classes(),
                        config.search().channels(),
                        config.search().cells());
        PruneAndReplace prune = new PruneAndReplace(new MorphRules(), space);
        SeededRandom pruneRandom = SeededRandom.derive(config.seed(), "prune");
        LOG.info(
                "search: {} cycles, {} epochs, space {}, catalog {}, C={}, {} cells, seed {},"
                        + " run folder {}",
                cycles.size(),
                config.schedule().totalEpochs(),
                space.name(),
                config.search().catalog().key(),
                spec.channels(),
                spec.cells(),
                config.seed(),
                folder.dir());

        Loop loop = new Loop();
        Supernet net = Supernet.build(spec, poolMap(pools), networkSeed(0), device);
        Genotype genotype = null;
        int b = batches.batchSize();
        try (NDManager root = newManager();
                MetricsWriter metrics = new MetricsWriter(folder.file(MetricsWriter.FILE));
                BatchStream weightStream = data.weightHalf().epochs(b);
                BatchStream alphaStream = data.alphaHalf().cycled(b)) {
            for (int c = 0; c < cycles.size(); c++) {
                CycleSpec cycle = cycles.get(c);
                boolean last = c == cycles.size() - 1;
                LOG.info(
                        "cycle {}/{}: {} epochs ({} grace), {} candidates per edge, {} weights",
                        c + 1,
                        cycles.size(),
                        cycle.epochs(),
                        cycle.graceEpochs(),
                        poolSizes(pools),
                        net.parameterCount());
                batches.onRebuild();
                try (BilevelTrainer trainer =
                        new BilevelTrainer(net, config.weights(), config.alpha(), root)) {
                    for (int e = 0; e < cycle.epochs(); e++) {
                        loop.globalEpoch++;
                        EpochMetrics m =
                                epoch(trainer, root, c, e, cycle, weightStream, alphaStream, loop);
                        metrics.write(m);
                        logEpoch(m, cycles.size(), cycle.epochs());
                        epochListener.accept(m);
                    }
                }

                Map<CellType, List<EdgeOutcome>> outcomes = new EnumMap<>(CellType.class);
                Map<CellType, CellStatistics> stats = new EnumMap<>(CellType.class);
                for (CellType type : CellType.values()) {
                    stats.put(
                            type,
                            CellStatistics.of(pools.ops(type), pools.distinctSeen(type).size()));
                    List<EdgeOutcome> edges = new ArrayList<>();
                    for (int edge = 0; edge < pools.edges(type).size(); edge++) {
                        EdgePool pool = pools.edge(type, edge);
                        double[] p = net.probabilities(type, edge);
                        edges.add(prune.apply(pool, p, cycle, last, pruneRandom));
                    }
                    outcomes.put(type, edges);
                }
                PoolsWriter.write(
                        folder.dir(), new CycleReport(c + 1, cycle, last, outcomes, stats));
                logCycle(c + 1, outcomes, stats, last);

                if (last) {
                    genotype = derive(outcomes);
                    GenotypeJson.write(genotype, folder.file(RunFolder.GENOTYPE));
                    loop.parameters = net.parameterCount();
                } else {
                    Supernet next =
                            Supernet.rebuild(
                                    net, poolMap(pools), parents(outcomes), networkSeed(c + 1));
                    net.close();
                    net = next;
                }
            }
        } catch (NonFiniteLossException e) {
            String msg =
                    String.format(
                            Locale.ROOT,
                            "search stopped in cycle %d, epoch %d: %s; the finished epochs and"
                                    + " cycles are kept in %s",
                            loop.cycle + 1,
                            loop.epoch + 1,
                            e.getMessage(),
                            folder.dir());
            LOG.error(msg);
            throw new IllegalStateException(msg, e);
        } finally {
            net.close();
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("final genotype:\n{}", GenotypeText.format(genotype));
        LOG.info(
                "search finished in {}; genotype written to {}",
                duration(seconds),
                folder.file(RunFolder.GENOTYPE));
        return new SearchResult(
                genotype,
                folder.dir(),
                cycles.size(),
                loop.globalEpoch,
                loop.lastValidAcc,
                loop.parameters,
                seconds);
    }

    private EpochMetrics epoch(
            BilevelTrainer trainer,
            NDManager root,
            int c,
            int e,
            CycleSpec cycle,
            BatchStream weightStream,
            BatchStream alphaStream,
            Loop loop) {
        loop.cycle = c;
        loop.epoch = e;
        boolean grace = e < cycle.graceEpochs();
        double lr =
                new CosineSchedule(config.weights().lr(), config.weights().lrMin())
                        .rate(e, cycle.epochs());
        int changesBefore = batches.changes();
        int backoffsBefore = batches.oomBackoffs();
        long t0 = System.nanoTime();

        double lossSum = 0;
        long correct = 0;
        long images = 0;
        String name =
                String.format(
                        Locale.ROOT,
                        "cycle %d/%d epoch %d/%d",
                        c + 1,
                        config.schedule().cycles().size(),
                        e + 1,
                        cycle.epochs());
        try (ProgressTask task = progress.start(name, weightStream.epochSize())) {
            while (weightStream.hasNext()) {
                StepResult r =
                        batches.runStep(
                                size -> {
                                    weightStream.setBatchSize(size);
                                    alphaStream.setBatchSize(size);
                                    if (!weightStream.hasNext()) {
                                        return null;
                                    }
                                    // one manager per half-step: the alpha step's activations
                                    // are freed before the weight step allocates its own
                                    if (!grace) {
                                        try (NDManager step = root.newSubManager()) {
                                            Batch a = alphaStream.next(step);
                                            trainer.alphaStep(a.images(), a.labels(), step);
                                        }
                                    }
                                    try (NDManager step = root.newSubManager()) {
                                        Batch w = weightStream.next(step);
                                        return trainer.weightStep(w.images(), w.labels(), lr, step);
                                    }
                                });
                if (r == null) {
                    break;
                }
                lossSum += r.loss() * r.count();
                correct += r.correct();
                images += r.count();
                task.step(r.count(), String.format(Locale.ROOT, "loss %.4f", lossSum / images));
            }
        }
        weightStream.nextEpoch();

        Double validLoss = null;
        Double validAcc = null;
        int validEpochs = Math.min(config.search().validEpochs(), cycle.epochs());
        if (e >= cycle.epochs() - validEpochs) {
            StepResult v = validate(trainer, root);
            validLoss = v.loss();
            validAcc = v.correct() / (double) v.count();
            loop.lastValidAcc = validAcc;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new EpochMetrics(
                c + 1,
                e + 1,
                loop.globalEpoch,
                grace ? EpochMetrics.Phase.GRACE : EpochMetrics.Phase.SEARCH,
                images == 0 ? 0 : lossSum / images,
                images == 0 ? 0 : correct / (double) images,
                validLoss,
                validAcc,
                lr,
                config.alpha().lr(),
                batches.takeLargestUsed(),
                batches.changes() - changesBefore,
                batches.oomBackoffs() - backoffsBefore,
                seconds,
                images);
    }

    /** Evaluates the whole alpha half in order, without augmentation or gradients. */
    private StepResult validate(BilevelTrainer trainer, NDManager root) {
        double lossSum = 0;
        int correct = 0;
        int count = 0;
        try (BatchStream stream =
                data.alphaHalf().stream()
                        .augmentation(Augmentation.NONE)
                        .shuffle(false)
                        .batchSize(config.batch().max())
                        .build()) {
            while (stream.hasNext()) {
                try (NDManager step = root.newSubManager()) {
                    Batch batch = stream.next(step);
                    StepResult r = trainer.evaluate(batch.images(), batch.labels());
                    if (Double.isNaN(r.loss()) || Double.isInfinite(r.loss())) {
                        throw new NonFiniteLossException("validation", r.loss());
                    }
                    lossSum += r.loss() * r.count();
                    correct += r.correct();
                    count += r.count();
                }
            }
        }
        return new StepResult(lossSum / count, correct, count);
    }

    private static Genotype derive(Map<CellType, List<EdgeOutcome>> outcomes) {
        Map<CellType, CellGenotype> cells = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<List<OpConfig>> ops = new ArrayList<>();
            List<double[]> weights = new ArrayList<>();
            for (EdgeOutcome o : outcomes.get(type)) {
                List<OpConfig> pool = new ArrayList<>();
                for (Candidate c : o.trained()) {
                    pool.add(c.op());
                }
                ops.add(pool);
                weights.add(o.weights());
            }
            cells.put(type, GenotypeDerivation.derive(ops, weights));
        }
        return new Genotype(cells.get(CellType.NORMAL), cells.get(CellType.REDUCE));
    }

    private static Map<CellType, List<List<OpConfig>>> poolMap(CellPools pools) {
        Map<CellType, List<List<OpConfig>>> map = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            map.put(type, pools.ops(type));
        }
        return map;
    }

    private static Map<CellType, List<Map<OpConfig, OpConfig>>> parents(
            Map<CellType, List<EdgeOutcome>> outcomes) {
        Map<CellType, List<Map<OpConfig, OpConfig>>> map = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<Map<OpConfig, OpConfig>> edges = new ArrayList<>();
            for (EdgeOutcome o : outcomes.get(type)) {
                Map<OpConfig, OpConfig> childToParent = new LinkedHashMap<>();
                for (Candidate c : o.next()) {
                    if (c.isNew()) {
                        childToParent.put(c.op(), c.parent());
                    }
                }
                edges.add(childToParent);
            }
            map.put(type, edges);
        }
        return map;
    }

    private long networkSeed(int cycle) {
        return SeededRandom.derive(config.seed(), "supernet-cycle-" + cycle).nextLong();
    }

    private NDManager newManager() {
        return device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
    }

    private static String poolSizes(CellPools pools) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (CellType type : CellType.values()) {
            for (EdgePool p : pools.edges(type)) {
                min = Math.min(min, p.size());
                max = Math.max(max, p.size());
            }
        }
        return min == max ? String.valueOf(min) : min + "-" + max;
    }

    private static void logEpoch(EpochMetrics m, int cycles, int epochs) {
        String valid =
                m.validAcc() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", valid loss %.4f acc %.1f%%",
                                m.validLoss(),
                                m.validAcc() * 100);
        LOG.info(
                String.format(
                        Locale.ROOT,
                        "cycle %d/%d epoch %d/%d (%s): train loss %.4f acc %.1f%%%s, lr %.5f,"
                                + " batch %d, %d images in %s",
                        m.cycle(),
                        cycles,
                        m.epoch(),
                        epochs,
                        m.phase().key(),
                        m.trainLoss(),
                        m.trainAcc() * 100,
                        valid,
                        m.lr(),
                        m.batchSize(),
                        m.images(),
                        duration(m.seconds())));
    }

    private static void logCycle(
            int cycle,
            Map<CellType, List<EdgeOutcome>> outcomes,
            Map<CellType, CellStatistics> stats,
            boolean last) {
        for (CellType type : CellType.values()) {
            int dropped = 0;
            TreeMap<String, Integer> added = new TreeMap<>();
            for (EdgeOutcome o : outcomes.get(type)) {
                dropped += o.dropped();
                for (Candidate c : o.next()) {
                    if (c.isNew()) {
                        added.merge(c.op().text(), 1, Integer::sum);
                    }
                }
            }
            CellStatistics s = stats.get(type);
            LOG.info(
                    String.format(
                            Locale.ROOT,
                            "cycle %d %s cell: conv %.0f%%, pool %.0f%%, skip %.0f%%, similarity"
                                    + " %.2f, %d distinct ops seen; pruned %d candidates%s",
                            cycle,
                            type.key(),
                            s.share().get(OpKind.CONV) * 100,
                            s.share().get(OpKind.POOL) * 100,
                            s.share().get(OpKind.SKIP) * 100,
                            s.similarity(),
                            s.distinctSeen(),
                            dropped,
                            last || added.isEmpty() ? "" : ", added " + added));
            for (int e = 0; e < outcomes.get(type).size(); e++) {
                EdgeOutcome o = outcomes.get(type).get(e);
                if (o.missingMorphs() > 0) {
                    LOG.info(
                            "cycle {} {} edge {}: {} morph(s) found no new child within {}"
                                    + " attempts",
                            cycle,
                            type.key(),
                            e,
                            o.missingMorphs(),
                            PruneAndReplace.MAX_ATTEMPTS);
                }
            }
        }
    }

    private static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** Where the loop is, for messages and the summary. */
    private static final class Loop {
        int cycle;
        int epoch;
        int globalEpoch;
        Double lastValidAcc;
        long parameters;
    }
}
