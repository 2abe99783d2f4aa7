package dev.prdarts.search.eval;

import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.search.supernet.MemoryFloor;

/**
 * Counts the trainable parameters of an {@link EvalNetwork} from its genotype and shape alone, so
 * sizes far beyond the memory of the machine can still be reported without building anything.
 *
 * <p>The count follows the network exactly (DESIGN section 8): a 3x3 stem conv to 3C with affine
 * BN; per cell two preprocessing steps (1x1 conv + BN, or a factorized reduce after a reduction
 * cell); per entry its operation (separable units: depthwise k x k, pointwise 1x1 and affine BN; a
 * stride-2 skip is a factorized reduce; pools, identity and zero have none); the linear classifier
 * with bias; and, when asked, the auxiliary head.
 */
public final class EvalNetworkSize {

    private EvalNetworkSize() {}

    /**
     * Returns the number of trainable parameters.
     *
     * @param genotype the cells
     * @param spec channels, cells, classes and input channels
     * @param auxiliary whether the auxiliary head is counted (it exists only when the spec has it)
     * @throws ArithmeticException when the count overflows a long
     */
    public static long parameters(Genotype genotype, EvalNetworkSpec spec, boolean auxiliary) {
        long c = spec.channels();
        long total = Math.addExact(Math.multiplyExact(9L * spec.inChannels(), 3 * c), 2 * 3 * c);
        long prevPrev = 3 * c;
        long prev = 3 * c;
        long current = c;
        long auxChannels = 0;
        for (int i = 0; i < spec.cells(); i++) {
            boolean reduction = spec.isReduction(i);
            if (reduction) {
                current *= 2;
            }
            CellGenotype cell = reduction ? genotype.reduce() : genotype.normal();
            // after a reduction cell input 0 is a factorized reduce: the same count as 1x1 + BN
            total = Math.addExact(total, preprocessing(prevPrev, current));
            total = Math.addExact(total, preprocessing(prev, current));
            for (GenotypeEntry e : cell.entries()) {
                int stride = reduction && e.input() < 2 ? 2 : 1;
                total = Math.addExact(total, operation(e.op(), current, stride));
            }
            prevPrev = prev;
            prev = Math.multiplyExact(cell.concat().size(), current);
            if (i == spec.auxiliaryCell()) {
                auxChannels = prev;
            }
        }
        long classes = spec.classes();
        total = Math.addExact(total, Math.multiplyExact(prev, classes) + classes);
        if (auxiliary && spec.auxiliary()) {
            long head =
                    Math.multiplyExact(auxChannels, 128)
                            + 2 * 128
                            + 128L * 768 * 4
                            + 2 * 768
                            + 768 * classes
                            + classes;
            total = Math.addExact(total, head);
        }
        return total;
    }

    /**
     * Returns the parameters of one preprocessing step to {@code out} channels: a 1x1 conv and an
     * affine BN, or a factorized reduce (two 1x1 convs to {@code out / 2} each and an affine BN),
     * which has the same count.
     */
    private static long preprocessing(long in, long out) {
        return Math.addExact(Math.multiplyExact(in, out), 2 * out);
    }

    /** Returns the parameters of one operation of an evaluation cell with C = {@code c}. */
    private static long operation(OpConfig op, long c, int stride) {
        if (op instanceof ConvOp conv) {
            int[] m = conv.channelMultipliers();
            long k2 = (long) conv.kernel() * conv.kernel();
            long sum = 0;
            for (int u = 0; u < conv.units(); u++) {
                long in = m[u] * c;
                long out = m[u + 1] * c;
                long unit =
                        Math.addExact(
                                Math.multiplyExact(in, k2),
                                Math.addExact(Math.multiplyExact(in, out), 2 * out));
                sum = Math.addExact(sum, unit);
            }
            return sum;
        }
        if (op instanceof SkipOp && stride == 2) {
            return preprocessing(c, c);
        }
        return 0;
    }

    /**
     * Returns a lower bound of the memory that training this network at batch size {@code batch}
     * needs, in bytes: {@link MemoryFloor#bytes} (cell outputs and preprocessing), plus weights and
     * gradients of every parameter, plus the widest expanded tensor of any operation in the cell of
     * its type with the fewest values; {@link Long#MAX_VALUE} when it overflows.
     */
    public static long trainingFloorBytes(Genotype genotype, EvalNetworkSpec spec, int batch) {
        double total =
                MemoryFloor.bytes(
                        spec.channels(), spec.cells(), spec.height(), spec.width(), batch);
        try {
            total += 8.0 * parameters(genotype, spec, false);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        double smallestNormal = Double.MAX_VALUE;
        double smallestReduce = Double.MAX_VALUE;
        long c = spec.channels();
        long h = spec.height();
        long w = spec.width();
        for (int i = 0; i < spec.cells(); i++) {
            if (spec.isReduction(i)) {
                c *= 2;
                h = (h + 1) / 2;
                w = (w + 1) / 2;
                smallestReduce = Math.min(smallestReduce, (double) c * h * w);
            } else {
                smallestNormal = Math.min(smallestNormal, (double) c * h * w);
            }
        }
        double widest = 0;
        if (smallestNormal < Double.MAX_VALUE) {
            widest = widestExpansion(genotype.normal()) * smallestNormal;
        }
        if (smallestReduce < Double.MAX_VALUE) {
            widest = Math.max(widest, widestExpansion(genotype.reduce()) * smallestReduce);
        }
        total += 4.0 * batch * widest;
        return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total;
    }

    /** Returns the largest channel multiple of any operation of the cell (1 without convs). */
    private static long widestExpansion(CellGenotype cell) {
        long widest = 1;
        for (GenotypeEntry e : cell.entries()) {
            if (e.op() instanceof ConvOp conv) {
                for (int m : conv.channelMultipliers()) {
                    widest = Math.max(widest, m);
                }
            }
        }
        return widest;
    }
}
