package dev.prdarts.search.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.data.Augmentation;
import dev.prdarts.data.Batch;
import dev.prdarts.data.BatchStream;
import dev.prdarts.data.DataSplits;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.ops.morph.MorphRules;
import dev.prdarts.search.checkpoint.Checkpoint;
import dev.prdarts.search.checkpoint.CheckpointName;
import dev.prdarts.search.checkpoint.CheckpointStore;
import dev.prdarts.search.checkpoint.StoredTensor;
import dev.prdarts.search.config.ConfigDifference;
import dev.prdarts.search.config.ConfigException;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p><b>Checkpoints.</b> After every epoch the runner writes a checkpoint into {@code checkpoints/}
 * (see {@link CheckpointStore}): the network's weights, BN buffers and alphas, both optimizers'
 * states, every edge's pool with history and parents, the position in the schedule, the random
 * state of prune and replace, the data streams' positions, the batch-size manager's state and the
 * metrics rows so far. {@link #resume(boolean)} continues from the newest one; a requested stop
 * ({@link #requestStop()}, Ctrl-C) ends the current step, writes a checkpoint and throws {@link
 * SearchStoppedException}. The learning-rate schedule needs no state of its own: it follows from
 * the cycle and epoch.
 */
public final class SearchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SearchRunner.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchConfig config;
    private final DataSplits data;
    private final ConstraintSpace space;
    private final BatchSizeManager batches;
    private final Device device;
    private final RunFolder folder;
    private final CheckpointStore checkpoints;
    private final AtomicBoolean stop = new AtomicBoolean();
    private SearchListener listener = new SearchListener() {};
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
        this.checkpoints = CheckpointStore.of(folder.dir());
    }

    /** Sets the listener told of steps, checkpoints and cycle ends; null for none. */
    public void setListener(SearchListener value) {
        this.listener = value == null ? new SearchListener() {} : value;
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
     * Asks the search to stop at the end of the current weight step; it then writes a checkpoint
     * and {@link #run()} or {@link #resume(boolean)} throws {@link SearchStoppedException}. Safe to
     * call from any thread, for example a signal handler.
     */
    public void requestStop() {
        stop.set(true);
    }

    /** Returns whether a stop has been requested. */
    public boolean stopRequested() {
        return stop.get();
    }

    /**
     * Runs the search from its beginning to its end, writing a checkpoint after every epoch.
     *
     * @return the final genotype and summary figures
     * @throws IOException when a run file cannot be written
     * @throws IllegalStateException when a loss becomes NaN or infinite, or another search holds
     *     the run folder
     * @throws SearchStoppedException when a stop was requested; a checkpoint has been written
     */
    public SearchResult run() throws IOException {
        try (RunLock lock = lock(checkpoints.dir())) {
            return execute(fresh(), null);
        }
    }

    /**
     * Continues the search of the run folder from its newest intact checkpoint (a damaged newer one
     * is reported and set aside), or from the beginning when there is none. The files of the run
     * are reset to the checkpoint first: {@code metrics.jsonl} holds exactly its epochs, and pools
     * files of unfinished cycles and {@code genotype.json} are removed until they are written
     * again. With the same configuration and seed on the same engine and thread count, the search
     * ends exactly as an uninterrupted one would.
     *
     * @param force continue even when this runner's configuration differs from the run's in more
     *     than where it runs (device, threads, memory budget)
     * @return the final genotype and summary figures
     * @throws IOException when a run file cannot be read or written
     * @throws IllegalStateException naming every difference when the configuration differs and
     *     {@code force} is false; or when the checkpoint does not fit the configuration
     * @throws SearchStoppedException when a stop was requested; a checkpoint has been written
     */
    public SearchResult resume(boolean force) throws IOException {
        try (RunLock lock = lock(checkpoints.dir())) {
            Optional<CheckpointStore.Loaded> newest = checkpoints.loadNewest();
            if (newest.isEmpty()) {
                Path toml = folder.file(RunFolder.CONFIG);
                if (Files.isRegularFile(toml)) {
                    checkConfig(readConfig(toml.toString(), TextFiles.readUtf8(toml)), force);
                }
                LOG.info(
                        "no usable checkpoint in {}; the search starts from the beginning",
                        checkpoints.dir());
                return execute(fresh(), null);
            }
            CheckpointStore.Loaded from = newest.get();
            ObjectNode meta = from.checkpoint().metadata();
            checkConfig(
                    readConfig("checkpoint " + from.file(), meta.path("config").asText()), force);
            SearchState state;
            try {
                state = SearchState.fromJson(meta, config.search().catalog().ops());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "checkpoint " + from.file() + " cannot be resumed: " + e.getMessage(), e);
            }
            return execute(state, from);
        }
    }

    private SearchState fresh() {
        SearchState s =
                new SearchState(
                        new CellPools(config.search().catalog().ops()),
                        SeededRandom.derive(config.seed(), "prune"));
        s.batchSize = batches.state();
        return s;
    }

    private static SearchConfig readConfig(String source, String text) {
        try {
            return new SearchConfigLoader().parse(source, text);
        } catch (ConfigException e) {
            throw new IllegalStateException(
                    "cannot resume: the run's configuration is unreadable: " + e.getMessage(), e);
        }
    }

    /** Refuses (unless forced) a configuration that differs from the run's in what it computes. */
    private void checkConfig(SearchConfig run, boolean force) {
        checkResumable(folder.dir(), run, config, force);
        List<String> hardware = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (ConfigDifference d : ConfigDifference.between(run, config)) {
            (d.hardware() ? hardware : other).add(d.describe());
        }
        if (!hardware.isEmpty()) {
            LOG.info("resuming with other hardware settings: {}", String.join("; ", hardware));
        }
        if (!other.isEmpty()) {
            LOG.warn(
                    "resuming {} with a different configuration (forced): {}",
                    folder.dir(),
                    String.join("; ", other));
        }
    }

    /**
     * Checks that a run may be resumed with {@code given}: it may differ from the run's
     * configuration only in where the search runs (device, threads, memory budget), unless forced.
     * {@link #resume(boolean)} checks this itself against the checkpoint; callers may check early,
     * before loading data.
     *
     * @param runDir the run folder, for the message
     * @param run the configuration the run was made with
     * @param given the configuration to continue with
     * @param force whether other differences are accepted
     * @throws IllegalStateException naming every other difference when not forced
     */
    public static void checkResumable(
            Path runDir, SearchConfig run, SearchConfig given, boolean force) {
        List<String> other = new ArrayList<>();
        for (ConfigDifference d : ConfigDifference.between(run, given)) {
            if (!d.hardware()) {
                other.add(d.describe());
            }
        }
        if (!other.isEmpty() && !force) {
            throw new IllegalStateException(
                    "cannot resume "
                            + runDir
                            + ": the configuration differs from the run's ("
                            + String.join("; ", other)
                            + "); resume without these settings, or force it (--force) to"
                            + " continue with them");
        }
    }

    private SearchResult execute(SearchState s, CheckpointStore.Loaded from) throws IOException {
        long sessionStart = System.nanoTime();
        List<CycleSpec> cycles = config.schedule().cycles();
        if (from != null && (s.cycle >= cycles.size() || s.epoch > cycles.get(s.cycle).epochs())) {
            throw new IllegalStateException(
                    "checkpoint "
                            + from.file()
                            + " stands at cycle "
                            + (s.cycle + 1)
                            + ", epoch "
                            + s.epoch
                            + ", which the schedule of this configuration ("
                            + cycles.size()
                            + " cycles) does not have");
        }
        String configText = SearchConfigToml.write(config);
        RunFolder.writeAtomically(folder.file(RunFolder.CONFIG), configText);
        String configSha = sha256(configText);
        resetRunFiles(s);

        SupernetSpec spec =
                new SupernetSpec(
                        data.shape().channels(),
                        data.shape().height(),
                        data.shape().width(),
                        data.classes(),
                        config.search().channels(),
                        config.search().cells());
        PruneAndReplace prune = new PruneAndReplace(new MorphRules(), space);
        if (from == null) {
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
        } else {
            LOG.info(
                    "resuming the search in {} from {}: cycle {}/{}, {} of {} epochs finished{}",
                    folder.dir(),
                    from.file().getFileName(),
                    s.cycle + 1,
                    cycles.size(),
                    s.finishedEpochs,
                    config.schedule().totalEpochs(),
                    s.progress == null ? "" : ", " + s.progress.steps() + " steps into the next");
        }

        Supernet net = Supernet.build(spec, poolMap(s.pools), networkSeed(s.cycle), device);
        Genotype genotype = null;
        long parameters = 0;
        try {
            if (from != null) {
                CheckpointTensors.loadNetwork(net, from);
                try {
                    batches.restore(s.batchSize);
                } catch (IllegalArgumentException e) {
                    // only a forced change of the batch sizes gets here
                    LOG.warn(
                            "the batch-size state of {} does not fit the batch sizes of this"
                                    + " configuration ({}); the batch starts at its minimum",
                            from.file().getFileName(),
                            e.getMessage());
                    batches.onRebuild();
                }
            }
            int b = batches.batchSize();
            try (NDManager root = newManager();
                    MetricsWriter metrics = new MetricsWriter(folder.file(MetricsWriter.FILE));
                    BatchStream weightStream =
                            data.weightHalf().stream()
                                    .batchSize(b)
                                    .startAt(s.weightEpoch, s.weightPosition)
                                    .build();
                    BatchStream alphaStream =
                            data.alphaHalf().stream()
                                    .cycle(true)
                                    .batchSize(b)
                                    .startAt(s.alphaEpoch, s.alphaPosition)
                                    .build()) {
                Session session =
                        new Session(weightStream, alphaStream, configText, configSha, sessionStart);
                for (int c = s.cycle; c < cycles.size(); c++) {
                    CycleSpec cycle = cycles.get(c);
                    boolean last = c == cycles.size() - 1;
                    boolean starting = s.epoch == 0 && s.progress == null;
                    if (starting) {
                        LOG.info(
                                "cycle {}/{}: {} epochs ({} grace), {} candidates per edge, {}"
                                        + " weights",
                                c + 1,
                                cycles.size(),
                                cycle.epochs(),
                                cycle.graceEpochs(),
                                SearchLog.poolSizes(s.pools),
                                net.parameterCount());
                        batches.onRebuild();
                    }
                    if (s.epoch < cycle.epochs()) {
                        try (BilevelTrainer trainer =
                                new BilevelTrainer(net, config.weights(), config.alpha(), root)) {
                            if (!starting && from != null) {
                                CheckpointTensors.loadOptimizers(trainer, from, s);
                            }
                            while (s.epoch < cycle.epochs()) {
                                EpochMetrics m = epoch(trainer, root, net, cycle, session, s);
                                metrics.write(m);
                                s.metrics.add(MetricsWriter.toJson(m));
                                s.finishedEpochs++;
                                s.epoch++;
                                s.progress = null;
                                SearchLog.epoch(m, cycles.size(), cycle.epochs());
                                epochListener.accept(m);
                                Path file = checkpoint(s, net, trainer, session);
                                if (stop.get()) {
                                    throw stopped(
                                            file,
                                            "the end of cycle " + (c + 1) + ", epoch " + s.epoch);
                                }
                            }
                        }
                    }
                    from = null;

                    Map<CellType, List<EdgeOutcome>> outcomes = new EnumMap<>(CellType.class);
                    Map<CellType, CellStatistics> stats = new EnumMap<>(CellType.class);
                    for (CellType type : CellType.values()) {
                        stats.put(
                                type,
                                CellStatistics.of(
                                        s.pools.ops(type), s.pools.distinctSeen(type).size()));
                        List<EdgeOutcome> edges = new ArrayList<>();
                        for (int edge = 0; edge < s.pools.edges(type).size(); edge++) {
                            EdgePool pool = s.pools.edge(type, edge);
                            double[] p = net.probabilities(type, edge);
                            edges.add(prune.apply(pool, p, cycle, last, s.pruneRandom));
                        }
                        outcomes.put(type, edges);
                    }
                    PoolsWriter.write(
                            folder.dir(), new CycleReport(c + 1, cycle, last, outcomes, stats));
                    SearchLog.cycle(c + 1, outcomes, stats, last);
                    listener.cycleFinished(c + 1);

                    if (last) {
                        genotype = derive(outcomes);
                        GenotypeJson.write(genotype, folder.file(RunFolder.GENOTYPE));
                        parameters = net.parameterCount();
                    } else {
                        Supernet next =
                                Supernet.rebuild(
                                        net,
                                        poolMap(s.pools),
                                        parents(outcomes),
                                        networkSeed(c + 1));
                        net.close();
                        net = next;
                        s.cycle = c + 1;
                        s.epoch = 0;
                    }
                }
            }
        } catch (NonFiniteLossException e) {
            String msg =
                    String.format(
                            Locale.ROOT,
                            "search stopped in cycle %d, epoch %d: %s; the finished epochs and"
                                    + " cycles are kept in %s",
                            s.cycle + 1,
                            s.epoch + 1,
                            e.getMessage(),
                            folder.dir());
            LOG.error(msg);
            throw new IllegalStateException(msg, e);
        } finally {
            net.close();
        }

        double seconds = s.seconds + (System.nanoTime() - sessionStart) / 1e9;
        LOG.info("final genotype:\n{}", GenotypeText.format(genotype));
        LOG.info(
                "search finished in {}; genotype written to {}",
                SearchLog.duration(seconds),
                folder.file(RunFolder.GENOTYPE));
        return new SearchResult(
                genotype,
                folder.dir(),
                cycles.size(),
                s.finishedEpochs,
                s.lastValidAcc,
                parameters,
                seconds);
    }

    private EpochMetrics epoch(
            BilevelTrainer trainer,
            NDManager root,
            Supernet net,
            CycleSpec cycle,
            Session streams,
            SearchState s)
            throws IOException {
        int c = s.cycle;
        int e = s.epoch;
        boolean grace = e < cycle.graceEpochs();
        double lr =
                new CosineSchedule(config.weights().lr(), config.weights().lrMin())
                        .rate(e, cycle.epochs());
        SearchState.EpochProgress before =
                s.progress != null
                        ? s.progress
                        : new SearchState.EpochProgress(
                                0, 0, 0, 0, batches.changes(), batches.oomBackoffs(), 0);
        long t0 = System.nanoTime();
        BatchStream weightStream = streams.weight;
        BatchStream alphaStream = streams.alpha;

        int steps = before.steps();
        double lossSum = before.lossSum();
        long correct = before.correct();
        long images = before.images();
        String name =
                String.format(
                        Locale.ROOT,
                        "cycle %d/%d epoch %d/%d",
                        c + 1,
                        config.schedule().cycles().size(),
                        e + 1,
                        cycle.epochs());
        try (ProgressTask task = progress.start(name, weightStream.epochSize())) {
            if (images > 0) {
                task.step(images, null);
            }
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
                steps++;
                task.step(r.count(), String.format(Locale.ROOT, "loss %.4f", lossSum / images));
                listener.stepFinished(c + 1, e + 1, steps);
                if (stop.get()) {
                    s.progress =
                            new SearchState.EpochProgress(
                                    steps,
                                    lossSum,
                                    correct,
                                    images,
                                    before.changesBefore(),
                                    before.backoffsBefore(),
                                    before.seconds() + (System.nanoTime() - t0) / 1e9);
                    Path file = checkpoint(s, net, trainer, streams);
                    throw stopped(
                            file, "cycle " + (c + 1) + ", epoch " + (e + 1) + ", step " + steps);
                }
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
            s.lastValidAcc = validAcc;
        }
        double seconds = before.seconds() + (System.nanoTime() - t0) / 1e9;
        return new EpochMetrics(
                c + 1,
                e + 1,
                s.currentGlobalEpoch(),
                grace ? EpochMetrics.Phase.GRACE : EpochMetrics.Phase.SEARCH,
                images == 0 ? 0 : lossSum / images,
                images == 0 ? 0 : correct / (double) images,
                validLoss,
                validAcc,
                lr,
                config.alpha().lr(),
                batches.takeLargestUsed(),
                batches.changes() - before.changesBefore(),
                batches.oomBackoffs() - before.backoffsBefore(),
                seconds,
                images);
    }

    /**
     * Writes a checkpoint of the search as it stands: the state's metadata and the network's
     * weights, buffers and alphas with both optimizers' states.
     */
    private Path checkpoint(SearchState s, Supernet net, BilevelTrainer trainer, Session streams)
            throws IOException {
        s.weightEpoch = streams.weight.epoch();
        s.weightPosition = streams.weight.position();
        s.alphaEpoch = streams.alpha.epoch();
        s.alphaPosition = streams.alpha.position();
        s.batchSize = batches.state();
        s.sgdSteps = trainer.weightOptimizer().steps();
        s.adamSteps = trainer.alphaOptimizer().steps();

        List<StoredTensor> tensors = CheckpointTensors.of(net, trainer);
        double seconds = s.seconds + (System.nanoTime() - streams.start) / 1e9;
        Checkpoint checkpoint =
                new Checkpoint(s.toJson(streams.configText, streams.configSha, seconds), tensors);
        CheckpointName name =
                s.progress == null
                        ? CheckpointName.endOfEpoch(s.finishedEpochs)
                        : CheckpointName.inEpoch(s.currentGlobalEpoch(), s.progress.steps());
        Path file = checkpoints.write(name, checkpoint);
        listener.checkpointWritten(file);
        return file;
    }

    private SearchStoppedException stopped(Path checkpoint, String where) {
        SearchStoppedException e = new SearchStoppedException(folder.dir(), checkpoint, where);
        LOG.info(e.getMessage());
        return e;
    }

    /**
     * Makes the run files agree with the state: {@code metrics.jsonl} holds exactly its rows; pools
     * files of cycles it has not finished and the genotype are removed.
     */
    private void resetRunFiles(SearchState s) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (ObjectNode row : s.metrics) {
            rows.append(JSON.writeValueAsString(row)).append('\n');
        }
        RunFolder.writeAtomically(folder.file(MetricsWriter.FILE), rows.toString());
        Path pools = folder.file(PoolsWriter.DIR);
        if (Files.isDirectory(pools)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(pools, "cycle-*.json")) {
                for (Path f : files) {
                    String n = f.getFileName().toString();
                    String number = n.substring("cycle-".length(), n.length() - ".json".length());
                    if (number.matches("\\d+") && Integer.parseInt(number) > s.cycle) {
                        Files.delete(f);
                    }
                }
            }
        }
        Files.deleteIfExists(folder.file(RunFolder.GENOTYPE));
    }

    private static String sha256(String text) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
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

    /**
     * What every checkpoint of this session records besides the state: the two training streams'
     * positions, the configuration text, and the session's start for the elapsed time.
     */
    private static final class Session {
        final BatchStream weight;
        final BatchStream alpha;
        final String configText;
        final String configSha;
        final long start;

        Session(
                BatchStream weight,
                BatchStream alpha,
                String configText,
                String configSha,
                long start) {
            this.weight = weight;
            this.alpha = alpha;
            this.configText = configText;
            this.configSha = configSha;
            this.start = start;
        }
    }

    /** Takes the lock of the run folder whose checkpoints live in {@code checkpointDir}. */
    private static RunLock lock(Path checkpointDir) throws IOException {
        Path file = checkpointDir.resolve(RunFolder.LOCK_FILE);
        return RunLock.acquire(
                file,
                "run folder "
                        + checkpointDir.getParent()
                        + " is in use by another search (lock "
                        + file
                        + ")");
    }
}
