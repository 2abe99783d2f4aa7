package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prdarts.data.Batch;
import dev.prdarts.data.BatchStream;
import dev.prdarts.data.Split;

/** Computes loss and top-1 / top-5 accuracy of an evaluation network, without autograd. */
public final class Evaluator {

    private Evaluator() {}

    /**
     * Evaluates the network on every image of a split, in evaluation mode (running BN statistics,
     * no drop-path, no auxiliary head).
     *
     * @param network the network
     * @param split the images, usually the test split
     * @param batchSize images per forward pass
     * @param manager parent of the per-batch sub-managers (on the network's device)
     */
    public static Evaluation evaluate(
            EvalNetwork network, Split split, int batchSize, NDManager manager) {
        int classes = network.spec().classes();
        Counter counter = new Counter(classes);
        try (BatchStream stream = split.epochs(batchSize)) {
            while (stream.hasNext()) {
                try (NDManager step = manager.newSubManager()) {
                    Batch batch = stream.next(step);
                    NDArray logits = network.forward(batch.images(), false).logits();
                    float loss = Losses.crossEntropy(logits, batch.labels()).getFloat();
                    counter.add(logits, batch.labels(), loss);
                }
            }
        }
        return counter.result();
    }

    /** Accumulates loss and top-k hits over batches. */
    static final class Counter {
        private final int classes;
        private double lossSum;
        private long top1;
        private long top5;
        private int images;

        Counter(int classes) {
            this.classes = classes;
        }

        /** Adds a batch: logits (N, classes), labels (N), its mean loss. */
        void add(NDArray logits, NDArray labels, float meanLoss) {
            float[] l = logits.toFloatArray();
            int[] y = labels.toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
            for (int n = 0; n < y.length; n++) {
                int rank = rank(l, n * classes, y[n]);
                top1 += rank == 0 ? 1 : 0;
                top5 += rank < 5 ? 1 : 0;
            }
            lossSum += (double) meanLoss * y.length;
            images += y.length;
        }

        /** Returns how many logits of one row beat the label's (ties count for the label). */
        private int rank(float[] logits, int offset, int label) {
            float target = logits[offset + label];
            int better = 0;
            for (int c = 0; c < classes; c++) {
                if (logits[offset + c] > target) {
                    better++;
                }
            }
            return better;
        }

        Evaluation result() {
            if (images == 0) {
                return new Evaluation(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new Evaluation(
                    lossSum / images,
                    (double) top1 / images,
                    classes > 5 ? (double) top5 / images : Double.NaN,
                    images);
        }
    }
}
