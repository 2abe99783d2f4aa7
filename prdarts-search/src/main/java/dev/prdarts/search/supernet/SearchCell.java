package dev.prdarts.search.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.ops.ZeroOp;
import dev.prdarts.ops.catalog.CandidateOp;
import dev.prdarts.ops.catalog.Catalog;
import dev.prdarts.ops.catalog.NetworkKind;
import dev.prdarts.ops.catalog.Preprocessing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One cell of the supernet: preprocessing of both inputs, 14 mixed edges, concatenation of the four
 * nodes.
 *
 * <p>Parameter-free candidates (pools with their affine-free BN, the stride-1 skip, zero) are built
 * once per (state, operation) and shared by every edge reading that state; all of them produce the
 * same tensor and, for the pool BNs, the same running statistics, so sharing changes no number.
 * Zero candidates contribute nothing to the sum and are not computed. Candidates that start with a
 * ReLU read one ReLU per state.
 */
final class SearchCell {

    private final boolean share;
    private final boolean reduction;
    private final int channels;
    private final Preprocessing pre0;
    private final Preprocessing pre1;
    private final List<List<CandidateOp>> edges;
    private final List<Map<OpConfig, CandidateOp>> shared;

    SearchCell(
            int prevPrevChannels,
            int prevChannels,
            int channels,
            boolean reduction,
            boolean reductionPrev,
            List<List<OpConfig>> pools,
            boolean share,
            NDManager manager,
            RandomGenerator random) {
        this.share = share;
        this.reduction = reduction;
        this.channels = channels;
        this.pre0 =
                new Preprocessing(
                        prevPrevChannels, channels, reductionPrev, false, manager, random);
        this.pre1 = new Preprocessing(prevChannels, channels, false, false, manager, random);
        List<Map<OpConfig, CandidateOp>> sharing = new ArrayList<>();
        for (int s = 0; s < CellTopology.NODES + 1; s++) {
            sharing.add(new LinkedHashMap<>());
        }
        List<List<CandidateOp>> built = new ArrayList<>();
        for (int e = 0; e < CellTopology.EDGES; e++) {
            int stride = CellTopology.stride(e, reduction);
            int state = CellTopology.input(e);
            List<CandidateOp> ops = new ArrayList<>();
            for (OpConfig op : pools.get(e)) {
                if (share && isShareable(op, stride)) {
                    ops.add(
                            sharing.get(state)
                                    .computeIfAbsent(op, o -> create(o, stride, manager, random)));
                } else {
                    ops.add(create(op, stride, manager, random));
                }
            }
            built.add(List.copyOf(ops));
        }
        this.edges = List.copyOf(built);
        this.shared = List.copyOf(sharing);
    }

    private CandidateOp create(OpConfig op, int stride, NDManager manager, RandomGenerator random) {
        return Catalog.create(op, channels, stride, NetworkKind.SEARCH, manager, random);
    }

    /** Returns whether this cell shares parameter-free candidates and ReLUs between edges. */
    boolean shares() {
        return share;
    }

    /** Returns whether {@code op} is one of the per-state shared candidates of this cell. */
    boolean isShared(CandidateOp op) {
        return share && isShareable(op.config(), op.stride());
    }

    /** Returns whether every edge reading a state computes the same tensor for {@code op}. */
    static boolean isShareable(OpConfig op, int stride) {
        return op instanceof PoolOp
                || op instanceof ZeroOp
                || (op instanceof SkipOp && stride == 1);
    }

    boolean reduction() {
        return reduction;
    }

    int outputChannels() {
        return CellTopology.NODES * channels;
    }

    Preprocessing pre0() {
        return pre0;
    }

    Preprocessing pre1() {
        return pre1;
    }

    /** Returns the candidates of edge {@code e}, in pool order. */
    List<CandidateOp> edge(int e) {
        return edges.get(e);
    }

    /** Returns the candidate of edge {@code e} for {@code op}, or null. */
    CandidateOp candidate(int e, OpConfig op) {
        for (CandidateOp c : edges.get(e)) {
            if (c.config().equals(op)) {
                return c;
            }
        }
        return null;
    }

    /** Returns the shared candidates of state {@code s} by operation. */
    Map<OpConfig, CandidateOp> shared(int s) {
        return shared.get(s);
    }

    /**
     * Returns the cell output, (N, 4C, H', W').
     *
     * @param s0 the output of the cell two steps back
     * @param s1 the output of the previous cell
     * @param weights per edge, the softmax weights of its candidates as scalar arrays
     */
    NDArray forward(NDArray s0, NDArray s1, List<NDArray[]> weights, boolean training) {
        int stateCount = CellTopology.NODES + 2;
        NDArray[] states = new NDArray[stateCount];
        NDArray[] relus = new NDArray[stateCount];
        List<Map<OpConfig, NDArray>> sharedOut = new ArrayList<>();
        for (int s = 0; s < stateCount; s++) {
            sharedOut.add(new HashMap<>());
        }
        states[0] = pre0.forward(s0, training);
        states[1] = pre1.forward(s1, training);

        for (int node = 0; node < CellTopology.NODES; node++) {
            NDArray sum = null;
            int first = CellTopology.firstEdge(node);
            for (int e = first; e < first + node + 2; e++) {
                int s = CellTopology.input(e);
                NDArray x = states[s];
                List<CandidateOp> ops = edges.get(e);
                NDArray[] w = weights.get(e);
                for (int i = 0; i < ops.size(); i++) {
                    CandidateOp op = ops.get(i);
                    if (op.config() instanceof ZeroOp) {
                        continue;
                    }
                    NDArray term;
                    if (shared.get(s).get(op.config()) == op) {
                        NDArray out =
                                sharedOut
                                        .get(s)
                                        .computeIfAbsent(op.config(), k -> op.forward(x, training));
                        term = out.mul(w[i]);
                    } else {
                        NDArray relu = null;
                        if (share && op.startsWithRelu()) {
                            if (relus[s] == null) {
                                relus[s] = x.getNDArrayInternal().relu();
                            }
                            relu = relus[s];
                        }
                        term = op.forward(x, relu, w[i], training);
                    }
                    if (sum == null) {
                        sum = term;
                    } else {
                        sum.addi(term);
                        term.close();
                    }
                }
            }
            if (sum == null) {
                sum = zeroNode(states[1]);
            }
            states[node + 2] = sum;
        }
        NDArray out = NDArrays.concat(new NDList(states[2], states[3], states[4], states[5]), 1);

        // Free this cell's temporaries now; autograd keeps whatever backward needs.
        Set<NDArray> temporaries = Collections.newSetFromMap(new IdentityHashMap<>());
        temporaries.addAll(Arrays.asList(states));
        for (int s = 0; s < stateCount; s++) {
            if (relus[s] != null) {
                temporaries.add(relus[s]);
            }
            temporaries.addAll(sharedOut.get(s).values());
        }
        temporaries.remove(s0);
        temporaries.remove(s1);
        for (NDArray t : temporaries) {
            t.close();
        }
        return out;
    }

    /** Returns the output of a node whose every candidate is zero. */
    private NDArray zeroNode(NDArray input) {
        int stride = reduction ? 2 : 1;
        Shape in = input.getShape();
        Shape out =
                new Shape(
                        in.get(0),
                        channels,
                        Catalog.outputSize(in.get(2), stride),
                        Catalog.outputSize(in.get(3), stride));
        return input.getManager().zeros(out, input.getDataType(), input.getDevice());
    }
}
