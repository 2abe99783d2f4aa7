package dev.prdarts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.cli.progress.CliProgress;
import dev.prdarts.data.DataOptions;
import dev.prdarts.data.DataSplits;
import dev.prdarts.data.DatasetRegistry;
import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.DeviceChoice;
import dev.prdarts.hardware.EngineThreads;
import dev.prdarts.hardware.HardwareConfig;
import dev.prdarts.hardware.HardwareContext;
import dev.prdarts.hardware.MemoryProbeRegistry;
import dev.prdarts.hardware.MemorySize;
import dev.prdarts.ops.space.SpaceRegistry;
import dev.prdarts.search.config.Preset;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.genotype.GenotypeJson;
import dev.prdarts.search.genotype.GenotypeText;
import dev.prdarts.search.run.RunFolder;
import dev.prdarts.search.run.SearchResult;
import dev.prdarts.search.run.SearchRunner;
import dev.prdarts.search.run.SearchStoppedException;
import dev.prdarts.search.run.StopSignals;
import dev.prdarts.search.supernet.MemoryFloor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code prdarts search}: runs a PR-DARTS search and writes its run folder (docs/run-folder.md).
 *
 * <p>Settings come in layers: the preset ({@code smoke} by default), then {@code --config FILE},
 * then the options of this command. The resolved settings are written to the run folder's {@code
 * config.toml}, so {@code --config RUN/config.toml} repeats a run.
 *
 * <p>A checkpoint is written after every epoch; {@code --resume RUN_DIR} continues from the newest
 * intact one with the run's own settings. Ctrl-C (or SIGTERM) stops at the end of the current step,
 * writes a checkpoint, prints the resume command and exits with code 130.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Run a PR-DARTS search: cycles of bilevel training, each ending with prune and replace,"
                    + " then the final cell.",
            "Writes config.toml, search.log, metrics.jsonl, pools/cycle-N.json, genotype.json and"
                    + " checkpoints/ into the run folder.",
            "Ctrl-C stops after the current step with a checkpoint; --resume RUN_DIR continues."
        })
final class SearchCommand implements Callable<Integer> {

    /** Exit code of a search stopped by Ctrl-C or SIGTERM after writing a checkpoint. */
    static final int EXIT_STOPPED = 130;

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Mixin SpaceOptions spaceOptions;

    @Mixin HardwareOptions hardware;

    private SpaceRegistry spaces;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "smoke",
            description =
                    "smoke (default: the built-in Fashion-MNIST sample, a few minutes) or paper"
                            + " (CIFAR-10, C=16, 8 cells, Table I, batch 24..128).")
    String preset;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A TOML file whose settings replace the preset's.")
    Path config;

    @Option(names = "--dataset", paramLabel = "NAME", description = "The dataset to search on.")
    String dataset;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "The dataset's folder (default: the dataset's usual place).")
    Path dataDir;

    @Option(
            names = "--space",
            paramLabel = "NAME",
            description =
                    "The constraint space of the morphs, for example DL, DR or UR (any case).")
    String space;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of every random choice.")
    Long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The run folder (default: a new folder under runs/).")
    Path out;

    @Option(
            names = "--force",
            description = {
                "Overwrite the run files of an earlier run in the --out folder.",
                "With --resume: continue although the given settings differ from the run's."
            })
    boolean force;

    @Option(
            names = "--resume",
            paramLabel = "RUN_DIR",
            description = {
                "Continue the search of RUN_DIR from its newest intact checkpoint, with the run's"
                        + " own config.toml.",
                "Settings given with it (--config, --preset, --space, --dataset, --seed, batch"
                        + " sizes) must agree with the run's unless --force; --device, --threads"
                        + " and --memory-budget may change."
            })
    Path resume;

    @Option(names = "--json", description = "Print the final summary as JSON on stdout.")
    boolean json;

    @Option(
            names = "--no-report",
            description = "Do not write report.html into the run folder when the search ends.")
    boolean noReport;

    @Override
    public Integer call() throws Exception {
        try (RunLogFile.Early early = RunLogFile.early()) {
            return call(early);
        }
    }

    private Integer call(RunLogFile.Early early) throws Exception {
        // batch bounds are checked against each other only after the preset and the config file
        // are merged in, so a file that raises batch.max lets --batch-min go above the default
        hardware.checkValues();
        SearchConfig cfg;
        if (resume != null) {
            if (out != null && !out.equals(resume)) {
                throw new IllegalArgumentException(
                        "--out "
                                + out
                                + " and --resume "
                                + resume
                                + " name different folders; a resumed search stays in its run"
                                + " folder");
            }
            RunFolder existing = RunFolder.existing(resume);
            Path toml = existing.file(RunFolder.CONFIG);
            SearchConfigLoader loader = new SearchConfigLoader();
            SearchConfig run = loader.parse(toml.toString(), TextFiles.readUtf8(toml));
            cfg =
                    spec.commandLine().getParseResult().hasMatchedOption("--preset")
                            ? loader.load(Preset.byKey(preset), config, overrides())
                            : loader.load(
                                    toml.toString(), TextFiles.readUtf8(toml), config, overrides());
            SearchRunner.checkResumable(resume, canonicalSpace(run), canonicalSpace(cfg), force);
        } else {
            cfg = new SearchConfigLoader().load(Preset.byKey(preset), config, overrides());
            if (out != null) {
                RunFolder.check(out, force);
            }
        }

        cfg = canonicalSpace(cfg);
        ClassLoader loader = main.plugins().loader();
        ConstraintSpace constraintSpace = spaces().get(cfg.search().space());
        DatasetRegistry datasets = new DatasetRegistry(loader);
        datasets.provider(cfg.data().dataset());

        // the hardware settings are brought into effect before the run folder exists, so a bad
        // device, budget or batch size leaves no folder behind
        HardwareContext context;
        try {
            context = new HardwareContext(hardwareConfig(cfg), new MemoryProbeRegistry()).start();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hardware settings: " + e.getMessage(), e);
        }

        // the data is read before the run folder exists, so a bad dataset leaves nothing behind
        DataOptions.Builder options =
                DataOptions.builder()
                        .limit(cfg.data().limit())
                        .portion(cfg.data().trainPortion())
                        .seed(cfg.seed());
        if (!cfg.data().dir().isEmpty()) {
            options.dataDir(Path.of(cfg.data().dir()));
        }
        DataSplits data = DataSplits.load(datasets, cfg.data().dataset(), options.build());
        try {
            data.checkSearchLimit();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data.limit: " + e.getMessage(), e);
        }
        MemoryFloor.check(
                "search.channels = "
                        + cfg.search().channels()
                        + ", search.cells = "
                        + cfg.search().cells(),
                cfg.search().channels(),
                cfg.search().cells(),
                data.shape().height(),
                data.shape().width(),
                cfg.batch().min(),
                context.probe().budgetBytes());

        RunFolder folder;
        if (resume != null) {
            folder = RunFolder.existing(resume);
        } else {
            folder =
                    RunFolder.prepare(
                            out != null ? out : RunFolder.newDefault(Path.of("runs")), force);
        }
        SearchResult result = null;
        SearchStoppedException stopped = null;
        try (RunLogFile log = RunLogFile.open(folder.file(RunFolder.LOG), resume != null, early)) {
            try {
                SearchRunner runner =
                        new SearchRunner(
                                cfg,
                                data,
                                constraintSpace,
                                context.newBatchSizeManager(),
                                context.device(),
                                folder);
                runner.setProgressListener(CliProgress.forThisProcess());
                try (StopSignals signals = StopSignals.install(runner)) {
                    result = resume != null ? runner.resume(force) : runner.run();
                }
            } catch (SearchStoppedException e) {
                stopped = e;
            } catch (Exception e) {
                // the console gets the command's one error line; the run's log keeps the reason
                log.error("search failed: " + Errors.oneLine(e));
                throw e;
            }
        }
        if (stopped != null) {
            printStopped(stopped);
            return EXIT_STOPPED;
        }
        Optional<Path> report = noReport ? Optional.empty() : FinalReport.write(result.runDir());
        print(result, report);
        return 0;
    }

    /** Returns the registry of the constraint spaces, read on first use. */
    private SpaceRegistry spaces() throws IOException {
        if (spaces == null) {
            spaces = spaceOptions.registry(main.plugins().loader());
        }
        return spaces;
    }

    /**
     * Returns the config with its space named as registered, so that {@code dl} is written and
     * compared as {@code DL}; a name no space has is left as it is, for the lookup to report.
     */
    private SearchConfig canonicalSpace(SearchConfig c) throws IOException {
        return spaces().find(c.search().space()).map(e -> c.withSpace(e.name())).orElse(c);
    }

    private void printStopped(SearchStoppedException e) throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        String command = SearchStoppedException.resumeCommand(e.runDir());
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("stopped", true);
            o.put("run_dir", e.runDir().toString());
            o.put("checkpoint", e.checkpoint().toString());
            o.put("resume_command", command);
            w.println(mapper.writeValueAsString(o));
        } else {
            w.println("search stopped; checkpoint " + e.checkpoint());
            w.println("resume with: " + command);
        }
        w.flush();
    }

    /** Returns the command-line settings as config keys; absent options are left out. */
    private Map<String, Object> overrides() {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "data.dataset", dataset);
        put(o, "data.dir", dataDir == null ? null : dataDir.toString());
        put(o, "search.space", space);
        put(o, "seed", seed);
        put(o, "device", hardware.device == null ? null : hardware.device.strip());
        put(
                o,
                "threads",
                hardware.threads == null ? null : Long.parseLong(hardware.threads.strip()));
        put(o, "batch.memory_budget", hardware.memoryBudget);
        put(
                o,
                "batch.min",
                hardware.batchMin == null ? null : Long.parseLong(hardware.batchMin.strip()));
        put(
                o,
                "batch.mult",
                hardware.batchMult == null ? null : Long.parseLong(hardware.batchMult.strip()));
        put(
                o,
                "batch.max",
                hardware.batchMax == null ? null : Long.parseLong(hardware.batchMax.strip()));
        put(
                o,
                "batch.threshold",
                hardware.batchThreshold == null
                        ? null
                        : Double.parseDouble(hardware.batchThreshold.strip()));
        return o;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static HardwareConfig hardwareConfig(SearchConfig cfg) {
        SearchConfig.Batch b = cfg.batch();
        OptionalLong budget =
                b.memoryBudget().isEmpty()
                        ? OptionalLong.empty()
                        : OptionalLong.of(MemorySize.parseBytes(b.memoryBudget()));
        return new HardwareConfig(
                DeviceChoice.parse(cfg.device()),
                EngineThreads.intraOp(cfg.threads()),
                budget,
                new BatchSizeConfig(b.min(), b.mult(), b.max(), b.threshold()));
    }

    private void print(SearchResult r, Optional<Path> report) throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("run_dir", r.runDir().toString());
            o.put("cycles", r.cycles());
            o.put("epochs", r.epochs());
            o.put("valid_acc", r.validAcc());
            o.put("parameters", r.parameters());
            o.put("seconds", r.seconds());
            report.ifPresent(p -> o.put("report", p.toString()));
            JsonNode genotype = mapper.readTree(GenotypeJson.toJson(r.genotype()));
            o.set("genotype", genotype);
            w.println(mapper.writeValueAsString(o));
        } else {
            w.print(GenotypeText.format(r.genotype()));
            w.printf(
                    Locale.ROOT,
                    "search finished: %d cycles, %d epochs in %.1f s; last validation accuracy %s;"
                            + " run folder %s%n",
                    r.cycles(),
                    r.epochs(),
                    r.seconds(),
                    r.validAcc() == null
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.1f%%", r.validAcc() * 100),
                    r.runDir());
        }
        w.flush();
    }
}
