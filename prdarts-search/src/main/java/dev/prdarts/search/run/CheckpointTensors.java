package dev.prdarts.search.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prdarts.search.checkpoint.Checkpoint;
import dev.prdarts.search.checkpoint.CheckpointStore;
import dev.prdarts.search.checkpoint.StoredTensor;
import dev.prdarts.search.supernet.Supernet;
import dev.prdarts.search.train.BilevelTrainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arrays of a search checkpoint: copied off the engine when one is written, and put back into a
 * rebuilt network and its optimizers when a search resumes.
 */
public final class CheckpointTensors {

    /** The name prefix of the network's weights, BN buffers and alphas. */
    static final String NET = "net/";

    /** The name prefix of the SGD momentum buffers. */
    static final String SGD = "sgd/";

    /** The name prefix of Adam's first moments. */
    static final String ADAM_M = "adam_m/";

    /** The name prefix of Adam's second moments. */
    static final String ADAM_V = "adam_v/";

    private CheckpointTensors() {}

    /**
     * Returns the arrays a checkpoint holds, copied off the engine: the network's weights, BN
     * buffers and alphas ({@code net/NAME}), the SGD momentum buffers ({@code sgd/NAME}) and the
     * Adam moments ({@code adam_m/NAME}, {@code adam_v/NAME}).
     */
    public static List<StoredTensor> of(Supernet net, BilevelTrainer trainer) {
        List<StoredTensor> tensors = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : net.state().entrySet()) {
            tensors.add(StoredTensor.of(NET + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, NDArray> e :
                trainer.weightOptimizer().momentumBuffers().entrySet()) {
            tensors.add(StoredTensor.of(SGD + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, NDArray> e : trainer.alphaOptimizer().firstMoments().entrySet()) {
            tensors.add(StoredTensor.of(ADAM_M + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, NDArray> e : trainer.alphaOptimizer().secondMoments().entrySet()) {
            tensors.add(StoredTensor.of(ADAM_V + e.getKey(), e.getValue()));
        }
        return tensors;
    }

    static void loadNetwork(Supernet net, CheckpointStore.Loaded from) {
        try (NDManager tmp = net.manager().newSubManager()) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, StoredTensor> e : from.checkpoint().withPrefix(NET).entrySet()) {
                arrays.put(e.getKey(), e.getValue().toArray(tmp));
            }
            net.loadState(arrays);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "checkpoint "
                            + from.file()
                            + " does not fit the network of this configuration: "
                            + e.getMessage(),
                    e);
        }
    }

    static void loadOptimizers(BilevelTrainer trainer, CheckpointStore.Loaded from, SearchState s) {
        Checkpoint c = from.checkpoint();
        try {
            trainer.weightOptimizer().restore(floats(c.withPrefix(SGD)), s.sgdSteps);
            trainer.alphaOptimizer()
                    .restore(
                            floats(c.withPrefix(ADAM_M)),
                            floats(c.withPrefix(ADAM_V)),
                            s.adamSteps);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "checkpoint "
                            + from.file()
                            + " has optimizer states that do not fit this network: "
                            + e.getMessage(),
                    e);
        }
    }

    private static Map<String, float[]> floats(Map<String, StoredTensor> tensors) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            out.put(e.getKey(), e.getValue().toFloatArray());
        }
        return out;
    }
}
