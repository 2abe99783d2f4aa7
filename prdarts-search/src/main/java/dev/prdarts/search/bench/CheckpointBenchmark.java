package dev.prdarts.search.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.search.checkpoint.Checkpoint;
import dev.prdarts.search.checkpoint.CheckpointFile;
import dev.prdarts.search.checkpoint.StoredTensor;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.pools.InitialCatalog;
import dev.prdarts.search.run.CheckpointTensors;
import dev.prdarts.search.supernet.Supernet;
import dev.prdarts.search.supernet.SupernetSpec;
import dev.prdarts.search.train.BilevelTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the checkpoints of the paper's proxy network (C = 16, 8 cells, 3x32x32, 10 classes): the
 * {@code prdarts bench checkpoint} measurement.
 *
 * <p>The network gets the same pool on every edge, takes one alpha step and one weight step on
 * random images (so the optimizers hold their states, as after any epoch), and then its checkpoint
 * arrays are copied off the engine, written with {@link CheckpointFile#write} (including the forces
 * to disk) and read back, a few times each.
 */
public final class CheckpointBenchmark {

    /**
     * The six largest candidates of the DL space by weights, six being the largest pool of the
     * paper's schedule: a bound on the checkpoint of any DL search with that schedule.
     */
    public static final List<OpConfig> LARGEST_DL =
            List.of(
                    ConvOp.of(7, 2, 1),
                    ConvOp.of(7, 1, 1),
                    ConvOp.of(5, 2, 1),
                    ConvOp.of(5, 1, 1),
                    ConvOp.of(3, 2, 1),
                    ConvOp.of(3, 1, 1));

    private CheckpointBenchmark() {}

    /**
     * The figures of one pool.
     *
     * @param pool the pool's name
     * @param parameters the network weights
     * @param tensors the arrays in the checkpoint
     * @param fileBytes the size of the checkpoint file
     * @param snapshotMillis every copy of the arrays off the engine
     * @param writeMillis every atomic write, forces to disk included
     * @param readMillis every read with checksum check
     */
    public record Result(
            String pool,
            long parameters,
            int tensors,
            long fileBytes,
            double[] snapshotMillis,
            double[] writeMillis,
            double[] readMillis) {}

    /** Returns the pools measured: {@code prdarts4}, {@code six} and {@code largest-dl}. */
    public static Map<String, List<OpConfig>> pools() {
        Map<String, List<OpConfig>> m = new LinkedHashMap<>();
        m.put(InitialCatalog.PRDARTS4.key(), InitialCatalog.PRDARTS4.ops());
        m.put("six", SearchStepBenchmark.SIX);
        m.put("largest-dl", LARGEST_DL);
        return m;
    }

    /**
     * Measures one pool.
     *
     * @param name the pool's name
     * @param pool the candidates of every edge
     * @param repeats how often each part is timed
     * @param dir the folder the checkpoint file is written to
     * @param optimizers the optimizer settings (the paper preset's)
     * @throws IOException if the file cannot be written or read
     */
    public static Result run(
            String name, List<OpConfig> pool, int repeats, Path dir, SearchConfig optimizers)
            throws IOException {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        Map<CellType, List<List<OpConfig>>> pools = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<List<OpConfig>> edges = new ArrayList<>();
            for (int e = 0; e < 14; e++) {
                edges.add(pool);
            }
            pools.put(type, edges);
        }
        double[] snapshot = new double[repeats];
        double[] write = new double[repeats];
        double[] read = new double[repeats];
        Path file = dir.resolve("bench-" + name + ".ckpt");
        try (Supernet net = Supernet.build(SupernetSpec.cifar(10), pools, 1);
                NDManager root = NDManager.newBaseManager();
                BilevelTrainer trainer =
                        new BilevelTrainer(net, optimizers.weights(), optimizers.alpha(), root)) {
            try (NDManager step = root.newSubManager()) {
                Shape images = new Shape(2, 3, 32, 32);
                NDArray labels = step.create(new int[] {3, 7});
                trainer.alphaStep(step.randomNormal(images), labels, step);
                trainer.weightStep(
                        step.randomNormal(images),
                        labels.toType(DataType.INT32, false),
                        0.025,
                        step);
            }
            ObjectNode meta = new ObjectMapper().createObjectNode().put("bench", name);
            long bytes = 0;
            int count = 0;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                List<StoredTensor> tensors = CheckpointTensors.of(net, trainer);
                long t1 = System.nanoTime();
                CheckpointFile.write(file, new Checkpoint(meta, tensors));
                long t2 = System.nanoTime();
                Checkpoint back = CheckpointFile.read(file);
                long t3 = System.nanoTime();
                snapshot[i] = (t1 - t0) / 1e6;
                write[i] = (t2 - t1) / 1e6;
                read[i] = (t3 - t2) / 1e6;
                bytes = Files.size(file);
                count = back.tensors().size();
            }
            long parameters = net.parameterCount();
            Files.deleteIfExists(file);
            return new Result(name, parameters, count, bytes, snapshot, write, read);
        }
    }
}
