package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.ops.catalog.Classifier;
import dev.prdarts.ops.catalog.ParameterHolder;
import dev.prdarts.ops.catalog.Stem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The evaluation (retraining) network of a genotype (DESIGN section 8).
 *
 * <p>Stem (3x3 conv to 3C, BN), L cells with reductions at {@code L/3} and {@code 2L/3} that double
 * C, global average pool and a linear classifier. BN is affine everywhere and pools have no BN. In
 * training the output of every operation except the identity passes through drop-path with the
 * probability set by {@link #setDropPathProbability}, and the auxiliary head (if the spec has one)
 * reads cell {@code 2L/3}. In evaluation neither runs.
 *
 * <p>Input (N, inChannels, H, W); logits (N, classes). Parameter names: {@code stem.*}, {@code
 * cells.<i>.*}, {@code aux.*}, {@code classifier.*}. Arrays live in the manager given at
 * construction; its owner frees them.
 */
public final class EvalNetwork implements ParameterHolder {

    /** The name prefix of the auxiliary head's parameters. */
    public static final String AUX_PREFIX = "aux.";

    private final Genotype genotype;
    private final EvalNetworkSpec spec;
    private final Stem stem;
    private final List<EvalCell> cells;
    private final AuxiliaryHead aux;
    private final Classifier classifier;
    private final DropPath dropPath;
    private float dropPathProbability;

    /**
     * Builds the network with its arrays in {@code manager}.
     *
     * @param genotype the normal and reduction cells
     * @param spec channels, cells, classes, input shape and auxiliary head
     * @param manager owner of every parameter and buffer
     * @param random source of initial values and drop-path masks
     */
    public EvalNetwork(
            Genotype genotype, EvalNetworkSpec spec, NDManager manager, RandomGenerator random) {
        if (genotype == null || spec == null || manager == null || random == null) {
            throw new IllegalArgumentException(
                    "genotype, spec, manager and random must not be null");
        }
        this.genotype = genotype;
        this.spec = spec;
        this.dropPath = new DropPath(random);

        int c = spec.channels();
        this.stem = new Stem(spec.inChannels(), 3 * c, manager, random);
        int prevPrev = 3 * c;
        int prev = 3 * c;
        int current = c;
        boolean reductionPrev = false;
        int auxChannels = 0;
        List<EvalCell> built = new ArrayList<>(spec.cells());
        for (int i = 0; i < spec.cells(); i++) {
            boolean reduction = spec.isReduction(i);
            if (reduction) {
                current *= 2;
            }
            EvalCell cell =
                    new EvalCell(
                            reduction ? genotype.reduce() : genotype.normal(),
                            prevPrev,
                            prev,
                            current,
                            reduction,
                            reductionPrev,
                            manager,
                            random);
            built.add(cell);
            reductionPrev = reduction;
            prevPrev = prev;
            prev = cell.outputChannels(current);
            if (i == spec.auxiliaryCell()) {
                auxChannels = prev;
            }
        }
        this.cells = List.copyOf(built);
        this.aux =
                spec.auxiliary()
                        ? new AuxiliaryHead(auxChannels, spec.classes(), manager, random)
                        : null;
        this.classifier = new Classifier(prev, spec.classes(), manager, random);
    }

    /** Returns the genotype the network was built from. */
    public Genotype genotype() {
        return genotype;
    }

    /** Returns the shape of the network. */
    public EvalNetworkSpec spec() {
        return spec;
    }

    /** Returns the cells in order. */
    public List<EvalCell> cells() {
        return cells;
    }

    /** Returns the drop-path probability used in training. */
    public float dropPathProbability() {
        return dropPathProbability;
    }

    /**
     * Sets the drop-path probability used in training (DESIGN section 8 raises it linearly from 0
     * to 0.3 over the epochs).
     */
    public void setDropPathProbability(float p) {
        if (!(p >= 0f && p < 1f)) {
            throw new IllegalArgumentException("drop-path probability must be in [0, 1), got " + p);
        }
        this.dropPathProbability = p;
    }

    /**
     * Returns the logits of a batch, and in training the auxiliary logits too.
     *
     * @param x images (N, inChannels, H, W)
     * @param training batch statistics, drop-path and the auxiliary head on
     * @return logits (N, classes) and, only in training with an auxiliary head, auxiliary logits
     */
    public Output forward(NDArray x, boolean training) {
        NDArray s0 = stem.forward(x, training);
        NDArray s1 = s0;
        NDArray auxLogits = null;
        for (int i = 0; i < cells.size(); i++) {
            NDArray next = cells.get(i).forward(s0, s1, training, dropPath, dropPathProbability);
            s0 = s1;
            s1 = next;
            if (training && aux != null && i == spec.auxiliaryCell()) {
                auxLogits = aux.forward(s1, true);
            }
        }
        return new Output(classifier.forward(s1), auxLogits);
    }

    /** Returns the number of trainable scalars, with or without the auxiliary head. */
    public long parameterCount(boolean includeAuxiliary) {
        long n = 0;
        for (Map.Entry<String, NDArray> e : parameters().entrySet()) {
            if (includeAuxiliary || !e.getKey().startsWith(AUX_PREFIX)) {
                n += e.getValue().size();
            }
        }
        return n;
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        stem.collectParameters(prefix + "stem.", out);
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).collectParameters(prefix + "cells." + i + ".", out);
        }
        if (aux != null) {
            aux.collectParameters(prefix + AUX_PREFIX, out);
        }
        classifier.collectParameters(prefix + "classifier.", out);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        stem.collectBuffers(prefix + "stem.", out);
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).collectBuffers(prefix + "cells." + i + ".", out);
        }
        if (aux != null) {
            aux.collectBuffers(prefix + AUX_PREFIX, out);
        }
    }

    /**
     * The result of a forward pass.
     *
     * @param logits (N, classes)
     * @param auxLogits (N, classes) in training with an auxiliary head, else null
     */
    public record Output(NDArray logits, NDArray auxLogits) {}
}
