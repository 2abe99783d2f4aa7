package dev.prdarts.search.supernet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.ops.catalog.CandidateOp;
import dev.prdarts.ops.catalog.Classifier;
import dev.prdarts.ops.catalog.ConvCandidate;
import dev.prdarts.ops.catalog.MorphTransfer;
import dev.prdarts.ops.catalog.ParameterHolder;
import dev.prdarts.ops.catalog.Stem;
import dev.prdarts.ops.catalog.Tensors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PR-DARTS search network (DESIGN section 1): stem, L cells with per-edge candidate pools,
 * global average pool and linear classifier.
 *
 * <p>Every edge owns its candidates and their weights (per cell); the architecture weights alpha
 * are one vector per edge per cell type, shared by all cells of that type. An edge outputs {@code
 * sum_i softmax(alpha)_i * op_i(x)}. All BNs inside cells are affine-free, pools are followed by an
 * affine-free BN, the stem BN is affine and the classifier has a bias.
 *
 * <p><b>Names.</b> {@code stem.*}, {@code cells.<i>.pre0.*}, {@code cells.<i>.pre1.*}, {@code
 * cells.<i>.edges.<e>.<op>.*} for candidates with parameters, {@code cells.<i>.states.<s>.<op>.*}
 * for the parameter-free candidates shared by the edges reading state {@code s}, {@code
 * classifier.*}, and {@code alphas.<normal|reduce>.<e>}. {@code <op>} is the canonical text form.
 *
 * <p><b>Memory.</b> The network owns one {@code NDManager} holding every parameter, buffer and
 * alpha; {@link #close()} frees them. Forward results belong to the manager of the input images:
 * create them in a per-step sub-manager and close it after the step.
 *
 * <p><b>Gradients.</b> Arrays start without gradients; {@link #setWeightGradients} and {@link
 * #setAlphaGradients} switch each group on or off, so a step can compute gradients for one group
 * only. DJL's PyTorch engine accumulates gradients across backward passes until they are zeroed
 * (its optimizer updates zero them). Outside a {@code GradientCollector} no graph is recorded.
 */
public final class Supernet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supernet.class);

    /** The standard deviation of the alpha initialisation, 1e-3 * N(0, 1). */
    public static final double ALPHA_STD = 1e-3;

    private final SupernetSpec spec;
    private final NDManager manager;
    private final Map<CellType, List<List<OpConfig>>> pools;
    private final Stem stem;
    private final List<SearchCell> cells;
    private final Classifier classifier;
    private final Map<CellType, List<NDArray>> alphas;
    private final Map<String, NDArray> weights;
    private final Map<String, NDArray> buffers;
    private final Map<String, NDArray> alphaByName;
    private boolean closed;

    private Supernet(
            SupernetSpec spec,
            Map<CellType, List<List<OpConfig>>> pools,
            boolean share,
            NDManager manager,
            RandomGenerator random) {
        this.spec = spec;
        this.manager = manager;
        this.pools = pools;
        int c = spec.channels();
        int stemChannels = 3 * c;
        this.stem = new Stem(spec.imageChannels(), stemChannels, manager, random);

        int prevPrev = stemChannels;
        int prev = stemChannels;
        int current = c;
        boolean reductionPrev = false;
        List<SearchCell> list = new ArrayList<>();
        for (int i = 0; i < spec.cells(); i++) {
            boolean reduction = spec.isReduction(i);
            if (reduction) {
                current *= 2;
            }
            CellType type = reduction ? CellType.REDUCE : CellType.NORMAL;
            SearchCell cell =
                    new SearchCell(
                            prevPrev,
                            prev,
                            current,
                            reduction,
                            reductionPrev,
                            pools.get(type),
                            share,
                            manager,
                            random);
            list.add(cell);
            reductionPrev = reduction;
            prevPrev = prev;
            prev = cell.outputChannels();
        }
        this.cells = List.copyOf(list);
        this.classifier = new Classifier(prev, spec.classes(), manager, random);

        Map<CellType, List<NDArray>> a = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<NDArray> perEdge = new ArrayList<>();
            for (List<OpConfig> pool : pools.get(type)) {
                perEdge.add(manager.zeros(new Shape(pool.size())));
            }
            a.put(type, List.copyOf(perEdge));
        }
        this.alphas = Collections.unmodifiableMap(a);

        Map<String, NDArray> w = new LinkedHashMap<>();
        Map<String, NDArray> b = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterHolder> e : holders().entrySet()) {
            e.getValue().collectParameters(e.getKey(), w);
            e.getValue().collectBuffers(e.getKey(), b);
        }
        this.weights = Collections.unmodifiableMap(w);
        this.buffers = Collections.unmodifiableMap(b);
        Map<String, NDArray> an = new LinkedHashMap<>();
        for (CellType type : CellType.values()) {
            for (int e = 0; e < CellTopology.EDGES; e++) {
                an.put("alphas." + type.key() + "." + e, alphas.get(type).get(e));
            }
        }
        this.alphaByName = Collections.unmodifiableMap(an);
    }

    /**
     * Builds a supernet with fresh weights on the default device.
     *
     * @param spec input shape, classes, C and L
     * @param pools for each cell type, the 14 edges' candidate pools (edge order of {@link
     *     CellTopology})
     * @param seed fixes the initial weights and alphas
     * @return the network; the caller closes it
     * @throws IllegalArgumentException when a pool list is missing, has the wrong length, or a pool
     *     is empty or holds an operation twice
     */
    public static Supernet build(
            SupernetSpec spec, Map<CellType, List<List<OpConfig>>> pools, long seed) {
        return build(spec, pools, seed, null);
    }

    /**
     * Builds a supernet with fresh weights on {@code device}; see {@link #build(SupernetSpec, Map,
     * long)}.
     */
    public static Supernet build(
            SupernetSpec spec,
            Map<CellType, List<List<OpConfig>>> pools,
            long seed,
            Device device) {
        return build(spec, pools, seed, device, true);
    }

    /**
     * Builds a supernet; {@code share = false} computes every candidate per edge (for tests and
     * benchmarks that measure what sharing saves).
     */
    static Supernet build(
            SupernetSpec spec,
            Map<CellType, List<List<OpConfig>>> pools,
            long seed,
            Device device,
            boolean share) {
        if (spec == null) {
            throw new IllegalArgumentException("supernet spec must not be null");
        }
        Map<CellType, List<List<OpConfig>>> checked = checkPools(pools);
        NDManager manager =
                device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        try {
            Supernet net =
                    new Supernet(
                            spec,
                            checked,
                            share,
                            manager,
                            SeededRandom.derive(seed, "supernet-init"));
            net.resetAlphas(SeededRandom.derive(seed, "supernet-alpha"));
            LOG.debug(
                    "built supernet: {} cells, C={}, {} weights",
                    spec.cells(),
                    spec.channels(),
                    net.parameterCount());
            return net;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Builds the next cycle's supernet from the previous one (DESIGN section 5).
     *
     * <p>Stem, preprocessing, classifier and all BN running statistics carry over. A candidate that
     * was in the same edge's pool (same cell index, edge and configuration) keeps its trained
     * weights; a new conv candidate with a parent is initialised from the parent's trained weights
     * by {@link MorphTransfer}; any other new candidate starts fresh. Alphas start anew at 1e-3 *
     * N(0, 1). The previous network stays open; the caller closes it.
     *
     * @param previous the trained network of the cycle that ended
     * @param pools the new pools per cell type and edge
     * @param parents per cell type and edge, the parent of each new candidate (a conv of the
     *     previous pool of that edge); may be null or have missing entries
     * @param seed fixes fresh values and alphas
     * @return the new network
     * @throws IllegalArgumentException when a parent is not a conv of the previous pool
     */
    public static Supernet rebuild(
            Supernet previous,
            Map<CellType, List<List<OpConfig>>> pools,
            Map<CellType, List<Map<OpConfig, OpConfig>>> parents,
            long seed) {
        previous.checkOpen();
        Supernet next =
                build(
                        previous.spec,
                        pools,
                        seed,
                        previous.manager.getDevice(),
                        previous.cells.get(0).shares());
        try {
            next.carryOver(previous, parents, SeededRandom.derive(seed, "supernet-morph"));
            return next;
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
    }

    private void carryOver(
            Supernet previous,
            Map<CellType, List<Map<OpConfig, OpConfig>>> parents,
            RandomGenerator random) {
        copy(previous.stem, stem);
        copy(previous.classifier, classifier);
        int survivors = 0;
        int morphed = 0;
        int fresh = 0;
        for (int i = 0; i < cells.size(); i++) {
            SearchCell old = previous.cells.get(i);
            SearchCell cell = cells.get(i);
            copy(old.pre0(), cell.pre0());
            copy(old.pre1(), cell.pre1());
            for (int s = 0; s < CellTopology.NODES + 1; s++) {
                for (Map.Entry<OpConfig, CandidateOp> e : cell.shared(s).entrySet()) {
                    CandidateOp before = old.shared(s).get(e.getKey());
                    if (before != null) {
                        copy(before, e.getValue());
                    }
                }
            }
            CellType type = cell.reduction() ? CellType.REDUCE : CellType.NORMAL;
            for (int e = 0; e < CellTopology.EDGES; e++) {
                Map<OpConfig, OpConfig> edgeParents = parentsOf(parents, type, e);
                for (CandidateOp op : cell.edge(e)) {
                    if (cell.isShared(op)) {
                        continue;
                    }
                    CandidateOp same = old.candidate(e, op.config());
                    OpConfig parent = edgeParents.get(op.config());
                    if (same != null) {
                        copy(same, op);
                        survivors++;
                    } else if (parent != null) {
                        CandidateOp from = old.candidate(e, parent);
                        if (!(from instanceof ConvCandidate p)
                                || !(op instanceof ConvCandidate child)) {
                            throw new IllegalArgumentException(
                                    type.key()
                                            + " edge "
                                            + e
                                            + ": parent "
                                            + parent.text()
                                            + " of "
                                            + op.config().text()
                                            + " must be a conv in the previous pool "
                                            + previous.pool(type, e));
                        }
                        MorphTransfer.transfer(p, child, random);
                        morphed++;
                    } else {
                        fresh++;
                    }
                }
            }
        }
        LOG.debug(
                "rebuilt supernet: {} candidates carried over, {} from parents, {} fresh",
                survivors,
                morphed,
                fresh);
    }

    private static Map<OpConfig, OpConfig> parentsOf(
            Map<CellType, List<Map<OpConfig, OpConfig>>> parents, CellType type, int edge) {
        if (parents == null || parents.get(type) == null) {
            return Map.of();
        }
        List<Map<OpConfig, OpConfig>> perEdge = parents.get(type);
        if (edge >= perEdge.size() || perEdge.get(edge) == null) {
            return Map.of();
        }
        return perEdge.get(edge);
    }

    private static void copy(ParameterHolder from, ParameterHolder to) {
        Tensors.copyAll(to.parameters(), from.parameters());
        Tensors.copyAll(to.buffers(), from.buffers());
    }

    private static Map<CellType, List<List<OpConfig>>> checkPools(
            Map<CellType, List<List<OpConfig>>> pools) {
        if (pools == null) {
            throw new IllegalArgumentException("pools must not be null");
        }
        Map<CellType, List<List<OpConfig>>> copy = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<List<OpConfig>> edges = pools.get(type);
            if (edges == null || edges.size() != CellTopology.EDGES) {
                throw new IllegalArgumentException(
                        "pools of the "
                                + type.key()
                                + " cell must list 14 edges, got "
                                + (edges == null ? "none" : edges.size()));
            }
            List<List<OpConfig>> edgeCopies = new ArrayList<>();
            for (int e = 0; e < edges.size(); e++) {
                List<OpConfig> pool = edges.get(e);
                if (pool == null || pool.isEmpty()) {
                    throw new IllegalArgumentException(
                            type.key() + " edge " + e + ": the pool must not be empty");
                }
                Set<OpConfig> seen = new HashSet<>();
                for (OpConfig op : pool) {
                    if (op == null || !seen.add(op)) {
                        throw new IllegalArgumentException(
                                type.key()
                                        + " edge "
                                        + e
                                        + ": the pool "
                                        + pool
                                        + " holds a null or repeated operation");
                    }
                }
                edgeCopies.add(List.copyOf(pool));
            }
            copy.put(type, List.copyOf(edgeCopies));
        }
        return Collections.unmodifiableMap(copy);
    }

    private Map<String, ParameterHolder> holders() {
        Map<String, ParameterHolder> h = new LinkedHashMap<>();
        h.put("stem.", stem);
        for (int i = 0; i < cells.size(); i++) {
            SearchCell cell = cells.get(i);
            String prefix = "cells." + i + ".";
            h.put(prefix + "pre0.", cell.pre0());
            h.put(prefix + "pre1.", cell.pre1());
            for (int s = 0; s < CellTopology.NODES + 1; s++) {
                for (Map.Entry<OpConfig, CandidateOp> e : cell.shared(s).entrySet()) {
                    h.put(prefix + "states." + s + "." + e.getKey().text() + ".", e.getValue());
                }
            }
            for (int e = 0; e < CellTopology.EDGES; e++) {
                for (CandidateOp op : cell.edge(e)) {
                    if (!cell.isShared(op)) {
                        h.put(prefix + "edges." + e + "." + op.config().text() + ".", op);
                    }
                }
            }
        }
        h.put("classifier.", classifier);
        return h;
    }

    /**
     * Returns the logits (N, classes) for images (N, channels, height, width).
     *
     * @param images the batch; its manager receives every intermediate and the result
     * @param training true: BN uses batch statistics and updates its running ones
     */
    public NDArray forward(NDArray images, boolean training) {
        checkOpen();
        Shape shape = images.getShape();
        if (shape.dimension() != 4
                || shape.get(1) != spec.imageChannels()
                || shape.get(2) != spec.height()
                || shape.get(3) != spec.width()) {
            throw new IllegalArgumentException(
                    "images must have shape (N, "
                            + spec.imageChannels()
                            + ", "
                            + spec.height()
                            + ", "
                            + spec.width()
                            + "), got "
                            + shape);
        }
        NDManager step = images.getManager();
        Map<CellType, List<NDArray[]>> mix = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<NDArray[]> perEdge = new ArrayList<>();
            for (NDArray alpha : alphas.get(type)) {
                NDArray p = alpha.softmax(0);
                p.attach(step);
                NDArray[] scalars = new NDArray[(int) p.size()];
                for (int i = 0; i < scalars.length; i++) {
                    scalars[i] = p.get(i);
                }
                perEdge.add(scalars);
            }
            mix.put(type, perEdge);
        }

        NDArray s0 = stem.forward(images, training);
        NDArray s1 = s0;
        for (SearchCell cell : cells) {
            CellType type = cell.reduction() ? CellType.REDUCE : CellType.NORMAL;
            NDArray out = cell.forward(s0, s1, mix.get(type), training);
            if (s0 != s1) {
                s0.close();
            }
            s0 = s1;
            s1 = out;
        }
        NDArray logits = classifier.forward(s1);
        s0.close();
        s1.close();
        return logits;
    }

    /** Returns the shape this network was built for. */
    public SupernetSpec spec() {
        return spec;
    }

    /** Returns the pools per cell type and edge (immutable). */
    public Map<CellType, List<List<OpConfig>>> pools() {
        return pools;
    }

    /** Returns the pool of one edge of a cell type. */
    public List<OpConfig> pool(CellType type, int edge) {
        return pools.get(type).get(edge);
    }

    /** Returns the trainable network weights by name, alphas excluded (live arrays). */
    public Map<String, NDArray> weights() {
        return weights;
    }

    /** Returns the trainable network weights in name order, alphas excluded (live arrays). */
    public List<NDArray> weightArrays() {
        return List.copyOf(weights.values());
    }

    /** Returns the BN running statistics by name (live arrays). */
    public Map<String, NDArray> buffers() {
        return buffers;
    }

    /** Returns the 14 alpha vectors of a cell type, shape (pool size) each (live arrays). */
    public List<NDArray> alphas(CellType type) {
        return alphas.get(type);
    }

    /** Returns the alpha vector of one edge of a cell type (live array). */
    public NDArray alpha(CellType type, int edge) {
        return alphas.get(type).get(edge);
    }

    /** Returns the alphas by name, {@code alphas.normal.0} .. {@code alphas.reduce.13}. */
    public Map<String, NDArray> alphasByName() {
        return alphaByName;
    }

    /** Returns all 28 alpha vectors, normal edges first (live arrays). */
    public List<NDArray> alphaArrays() {
        return List.copyOf(alphaByName.values());
    }

    /** Returns softmax(alpha) of one edge, computed in double precision on the Java side. */
    public double[] probabilities(CellType type, int edge) {
        float[] a = alpha(type, edge).toFloatArray();
        double max = Double.NEGATIVE_INFINITY;
        for (float v : a) {
            max = Math.max(max, v);
        }
        double[] p = new double[a.length];
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            p[i] = Math.exp(a[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < a.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Returns the number of trainable weights, alphas excluded. */
    public long parameterCount() {
        long n = 0;
        for (NDArray a : weights.values()) {
            n += a.size();
        }
        return n;
    }

    /** Sets every alpha to 1e-3 * N(0, 1) drawn from {@code random}, normal edges first. */
    public void resetAlphas(RandomGenerator random) {
        checkOpen();
        for (NDArray alpha : alphaByName.values()) {
            Tensors.assign(alpha, Tensors.normalValues(random, ALPHA_STD, alpha.size()));
        }
    }

    /** Switches gradient recording for the network weights on or off. */
    public void setWeightGradients(boolean on) {
        checkOpen();
        for (NDArray w : weights.values()) {
            w.setRequiresGradient(on);
        }
    }

    /** Switches gradient recording for the alphas on or off. */
    public void setAlphaGradients(boolean on) {
        checkOpen();
        for (NDArray a : alphaByName.values()) {
            a.setRequiresGradient(on);
        }
    }

    /**
     * Returns every named array of the state: weights, buffers and alphas (live arrays, for
     * checkpoints).
     */
    public Map<String, NDArray> state() {
        Map<String, NDArray> all = new LinkedHashMap<>(weights);
        all.putAll(buffers);
        all.putAll(alphaByName);
        return all;
    }

    /**
     * Copies a saved state into this network in place.
     *
     * @throws IllegalArgumentException naming the missing or unknown names, or a shape mismatch
     */
    public void loadState(Map<String, NDArray> saved) {
        checkOpen();
        Map<String, NDArray> mine = state();
        if (!mine.keySet().equals(saved.keySet())) {
            Set<String> missing = new TreeSet<>(mine.keySet());
            missing.removeAll(saved.keySet());
            Set<String> unknown = new TreeSet<>(saved.keySet());
            unknown.removeAll(mine.keySet());
            throw new IllegalArgumentException(
                    "saved state does not fit this supernet: missing "
                            + missing
                            + ", unknown "
                            + unknown);
        }
        Tensors.copyAll(mine, saved);
    }

    /** Returns the manager that owns this network's arrays. */
    public NDManager manager() {
        return manager;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the supernet is closed");
        }
    }

    /** Frees every parameter, buffer and alpha. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
