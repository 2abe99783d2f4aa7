package dev.prdarts.search.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of a retraining run (DESIGN section 8).
 *
 * <p>{@link #paper()} is the paper's recipe: 600 epochs, SGD with learning rate 0.025 decaying by
 * cosine to 0, momentum 0.9, weight decay 3e-4, gradient-norm clipping at 5, batch 96, Cutout 16,
 * drop-path rising to 0.3, auxiliary head with loss weight 0.4, C = 36 and 20 cells. {@link
 * #smoke()} is a small network and a few epochs on the built-in Fashion-MNIST sample that reaches
 * over 80% test accuracy on a two-core CPU in minutes.
 *
 * @param preset the preset this configuration started from ({@code paper}, {@code smoke})
 * @param dataset the dataset name
 * @param epochs the number of epochs
 * @param batchSize the batch size (the maximum when an adaptive batch size is used)
 * @param channels C of the first cells
 * @param cells L, the number of cells
 * @param auxiliary whether to train with the auxiliary head
 * @param learningRate the initial learning rate
 * @param minLearningRate the learning rate the cosine decays to
 * @param momentum the SGD momentum
 * @param weightDecay the L2 weight decay, applied to every parameter
 * @param gradClip the maximum global gradient norm, 0 for none
 * @param cutout the side of the Cutout square, 0 for none
 * @param dropPathMax the drop-path probability reached at the end of training
 * @param auxWeight the weight of the auxiliary loss
 * @param seed the seed of initialisation, data order, augmentation and drop-path
 * @param limit the number of images of each split to use, 0 for all (tests and quick checks)
 */
public record RetrainConfig(
        String preset,
        String dataset,
        int epochs,
        int batchSize,
        int channels,
        int cells,
        boolean auxiliary,
        double learningRate,
        double minLearningRate,
        double momentum,
        double weightDecay,
        double gradClip,
        int cutout,
        double dropPathMax,
        double auxWeight,
        long seed,
        int limit) {

    /** Creates a configuration and checks every value. */
    public RetrainConfig {
        if (preset == null || preset.isBlank()) {
            throw new IllegalArgumentException("preset must not be empty");
        }
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must not be empty");
        }
        atLeast("epochs", epochs, 1);
        atLeast("batch size", batchSize, 1);
        atLeast("channels", channels, 1);
        atLeast("cells", cells, 2);
        atLeast("cutout", cutout, 0);
        atLeast("limit", limit, 0);
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (!Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite, got " + learningRate);
        }
        if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
            throw new IllegalArgumentException(
                    "minimum learning rate must be in [0, "
                            + learningRate
                            + "], got "
                            + minLearningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (!(gradClip >= 0)) {
            throw new IllegalArgumentException(
                    "gradient clipping norm must be >= 0 (0 for none), got " + gradClip);
        }
        if (!(dropPathMax >= 0 && dropPathMax < 1)) {
            throw new IllegalArgumentException(
                    "drop-path probability must be in [0, 1), got " + dropPathMax);
        }
        if (!(auxWeight >= 0)) {
            throw new IllegalArgumentException("auxiliary weight must be >= 0, got " + auxWeight);
        }
    }

    /** Returns the paper's recipe on CIFAR-10 (DESIGN section 8). */
    public static RetrainConfig paper() {
        return new RetrainConfig(
                "paper", "cifar10", 600, 96, 36, 20, true, 0.025, 0.0, 0.9, 3e-4, 5.0, 16, 0.3, 0.4,
                0L, 0);
    }

    /**
     * Returns the smoke recipe: the built-in Fashion-MNIST sample (6,000 training and 1,000 test
     * images of 1x28x28), C = 8, 5 cells, 6 epochs of batch 64, no auxiliary head (28x28 images are
     * too small for it), no Cutout and no drop-path (too few epochs to profit); the optimiser as in
     * the paper. DL2 reaches about 86% test accuracy in 8 to 12 minutes on two busy cores.
     */
    public static RetrainConfig smoke() {
        return new RetrainConfig(
                "smoke", "builtin", 6, 64, 8, 5, false, 0.025, 0.0, 0.9, 3e-4, 5.0, 0, 0.0, 0.4, 0L,
                0);
    }

    /**
     * Returns the preset of that name.
     *
     * @throws IllegalArgumentException naming the known presets for any other name
     */
    public static RetrainConfig preset(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "paper" -> paper();
            case "smoke" -> smoke();
            default ->
                    throw new IllegalArgumentException(
                            "unknown preset '" + name + "'; known: smoke, paper");
        };
    }

    /** Returns a builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns the settings as an ordered map of snake_case keys, for {@code config.toml}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset);
        m.put("dataset", dataset);
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("channels", channels);
        m.put("cells", cells);
        m.put("auxiliary", auxiliary);
        m.put("learning_rate", learningRate);
        m.put("min_learning_rate", minLearningRate);
        m.put("momentum", momentum);
        m.put("weight_decay", weightDecay);
        m.put("grad_clip", gradClip);
        m.put("cutout", cutout);
        m.put("drop_path_max", dropPathMax);
        m.put("aux_weight", auxWeight);
        m.put("seed", seed);
        m.put("limit", limit);
        return m;
    }

    private static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
        }
    }

    /** Changes single settings of a configuration; {@link #build()} checks the result. */
    public static final class Builder {
        private String preset;
        private String dataset;
        private int epochs;
        private int batchSize;
        private int channels;
        private int cells;
        private boolean auxiliary;
        private double learningRate;
        private double minLearningRate;
        private double momentum;
        private double weightDecay;
        private double gradClip;
        private int cutout;
        private double dropPathMax;
        private double auxWeight;
        private long seed;
        private int limit;

        private Builder(RetrainConfig c) {
            preset = c.preset;
            dataset = c.dataset;
            epochs = c.epochs;
            batchSize = c.batchSize;
            channels = c.channels;
            cells = c.cells;
            auxiliary = c.auxiliary;
            learningRate = c.learningRate;
            minLearningRate = c.minLearningRate;
            momentum = c.momentum;
            weightDecay = c.weightDecay;
            gradClip = c.gradClip;
            cutout = c.cutout;
            dropPathMax = c.dropPathMax;
            auxWeight = c.auxWeight;
            seed = c.seed;
            limit = c.limit;
        }

        /** Sets the dataset name. */
        public Builder dataset(String value) {
            dataset = value;
            return this;
        }

        /** Sets the number of epochs. */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** Sets the batch size. */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Sets C. */
        public Builder channels(int value) {
            channels = value;
            return this;
        }

        /** Sets the number of cells. */
        public Builder cells(int value) {
            cells = value;
            return this;
        }

        /** Sets whether the auxiliary head is trained. */
        public Builder auxiliary(boolean value) {
            auxiliary = value;
            return this;
        }

        /** Sets the initial learning rate. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** Sets the Cutout side (0 for none). */
        public Builder cutout(int value) {
            cutout = value;
            return this;
        }

        /** Sets the final drop-path probability. */
        public Builder dropPathMax(double value) {
            dropPathMax = value;
            return this;
        }

        /** Sets the auxiliary loss weight. */
        public Builder auxWeight(double value) {
            auxWeight = value;
            return this;
        }

        /** Sets the seed. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Sets how many images of each split to use (0 for all). */
        public Builder limit(int value) {
            limit = value;
            return this;
        }

        /** Returns the configuration, checked. */
        public RetrainConfig build() {
            return new RetrainConfig(
                    preset,
                    dataset,
                    epochs,
                    batchSize,
                    channels,
                    cells,
                    auxiliary,
                    learningRate,
                    minLearningRate,
                    momentum,
                    weightDecay,
                    gradClip,
                    cutout,
                    dropPathMax,
                    auxWeight,
                    seed,
                    limit);
        }
    }
}
