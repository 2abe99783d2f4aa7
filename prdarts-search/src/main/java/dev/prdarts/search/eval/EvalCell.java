package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.ops.catalog.CandidateOp;
import dev.prdarts.ops.catalog.Catalog;
import dev.prdarts.ops.catalog.NetworkKind;
import dev.prdarts.ops.catalog.ParameterHolder;
import dev.prdarts.ops.catalog.Preprocessing;
import dev.prdarts.ops.catalog.SkipCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One cell of the evaluation network: the two preprocessings and one fixed operation per genotype
 * entry (DESIGN sections 1 and 8), with affine BN and pools without BN.
 *
 * <p>Inputs (N, C_pp, H_pp, W_pp) and (N, C_p, H, W); output (N, k * C, H', W') for the {@code k}
 * concatenated states, with {@code H' = ceil(H / 2)} in a reduction cell. Names: {@code pre0.*},
 * {@code pre1.*}, {@code ops.<entry>.*}.
 */
public final class EvalCell implements ParameterHolder {

    private final CellGenotype genotype;
    private final boolean reduction;
    private final Preprocessing pre0;
    private final Preprocessing pre1;
    private final List<CandidateOp> ops;

    /**
     * Creates a cell with its arrays in {@code manager}.
     *
     * @param genotype the cell's entries and concat list
     * @param prevPrevChannels channels of the output two cells back
     * @param prevChannels channels of the previous cell's output
     * @param channels C of this cell (already doubled in a reduction cell)
     * @param reduction whether this is a reduction cell
     * @param reductionPrev whether the previous cell reduced (input 0 is then twice as large)
     * @param manager owner of the arrays
     * @param random source of initial values
     */
    public EvalCell(
            CellGenotype genotype,
            int prevPrevChannels,
            int prevChannels,
            int channels,
            boolean reduction,
            boolean reductionPrev,
            NDManager manager,
            RandomGenerator random) {
        this.genotype = genotype;
        this.reduction = reduction;
        this.pre0 =
                new Preprocessing(prevPrevChannels, channels, reductionPrev, true, manager, random);
        this.pre1 = new Preprocessing(prevChannels, channels, false, true, manager, random);
        List<CandidateOp> built = new ArrayList<>();
        for (GenotypeEntry e : genotype.entries()) {
            int stride = reduction && e.input() < 2 ? 2 : 1;
            built.add(
                    Catalog.create(
                            e.op(), channels, stride, NetworkKind.EVALUATION, manager, random));
        }
        this.ops = List.copyOf(built);
    }

    /** Returns whether this is a reduction cell. */
    public boolean reduction() {
        return reduction;
    }

    /** Returns the operations, one per genotype entry, in entry order. */
    public List<CandidateOp> ops() {
        return ops;
    }

    /** Returns the number of output channels for a cell of {@code channels} C: concat size * C. */
    public int outputChannels(int channels) {
        return genotype.concat().size() * channels;
    }

    /** Returns whether drop-path applies to an operation: every operation but the identity. */
    static boolean dropsPath(CandidateOp op) {
        return !(op instanceof SkipCandidate skip && skip.isIdentity());
    }

    /**
     * Returns the cell output.
     *
     * @param s0 the output two cells back
     * @param s1 the previous cell's output
     * @param training batch statistics in BN and drop-path on
     * @param dropPath the drop-path of the network
     * @param dropProb the drop-path probability; used only when {@code training}
     */
    public NDArray forward(
            NDArray s0, NDArray s1, boolean training, DropPath dropPath, float dropProb) {
        List<NDArray> states = new ArrayList<>(2 + CellGenotype.NODES);
        states.add(pre0.forward(s0, training));
        states.add(pre1.forward(s1, training));
        List<GenotypeEntry> entries = genotype.entries();
        for (int node = 0; node < CellGenotype.NODES; node++) {
            NDArray sum = null;
            for (int k = 2 * node; k < 2 * node + 2; k++) {
                CandidateOp op = ops.get(k);
                NDArray h = op.forward(states.get(entries.get(k).input()), training);
                if (training && dropProb > 0f && dropsPath(op)) {
                    h = dropPath.apply(h, dropProb);
                }
                sum = sum == null ? h : sum.add(h);
            }
            states.add(sum);
        }
        NDList out = new NDList();
        for (int index : genotype.concat()) {
            out.add(states.get(index));
        }
        return out.size() == 1 ? out.singletonOrThrow() : NDArrays.concat(out, 1);
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        pre0.collectParameters(prefix + "pre0.", out);
        pre1.collectParameters(prefix + "pre1.", out);
        for (int i = 0; i < ops.size(); i++) {
            ops.get(i).collectParameters(prefix + "ops." + i + ".", out);
        }
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        pre0.collectBuffers(prefix + "pre0.", out);
        pre1.collectBuffers(prefix + "pre1.", out);
        for (int i = 0; i < ops.size(); i++) {
            ops.get(i).collectBuffers(prefix + "ops." + i + ".", out);
        }
    }
}
