package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;

/**
 * Initialises a conv child from its parent, unit by unit (DESIGN section 3).
 *
 * <p>Child unit {@code i} takes its values from parent unit {@code i}:
 *
 * <ul>
 *   <li>depthwise kernels are zero-padded around the old centre when the kernel grows and
 *       centre-cropped when it shrinks; a dilation change reuses them unchanged;
 *   <li>channels both units have keep their values; new output channels of a widened unit get
 *       Xavier-normal pointwise rows, new input channels get Xavier-normal depthwise kernels and
 *       zero pointwise weights in every old output row, so they do not change the output;
 *   <li>BN channels both have keep gamma, beta and running statistics; new channels start with
 *       gamma 1, beta 0, running mean 0, running variance 1.
 * </ul>
 *
 * <p>Child units beyond the parent's (insert) start as identities: depthwise kernel 1 at the
 * centre, pointwise identity matrix, fresh BN. Grow kernel, dilate/undilate with the same weights,
 * and widen leave the output unchanged; insert is not exact because of the new unit's ReLU.
 */
public final class MorphTransfer {

    private MorphTransfer() {}

    /**
     * Overwrites every parameter and buffer of {@code child} from {@code parent}.
     *
     * @param parent the trained parent conv candidate
     * @param child a conv candidate built for the child configuration
     * @param random source of the values of new channels
     * @throws IllegalArgumentException when channels or strides differ
     */
    public static void transfer(ConvCandidate parent, ConvCandidate child, RandomGenerator random) {
        if (parent.channels() != child.channels() || parent.stride() != child.stride()) {
            throw new IllegalArgumentException(
                    "morph transfer needs equal channels and stride: parent "
                            + parent
                            + " has C="
                            + parent.channels()
                            + ", child "
                            + child
                            + " has C="
                            + child.channels());
        }
        for (int i = 0; i < child.units().size(); i++) {
            SeparableUnit c = child.units().get(i);
            if (i < parent.units().size()) {
                transferUnit(parent.units().get(i), c, random);
            } else {
                identity(c);
            }
        }
    }

    /** Copies unit {@code p} into unit {@code c} as described in the class comment. */
    static void transferUnit(SeparableUnit p, SeparableUnit c, RandomGenerator random) {
        transferDepthwise(p.depthwise().weight(), c.depthwise().weight(), random);
        transferPointwise(p.pointwise().weight(), c.pointwise().weight(), random);
        transferBn(p.bn(), c.bn());
    }

    private static void transferDepthwise(NDArray parent, NDArray child, RandomGenerator random) {
        Shape ps = parent.getShape();
        Shape cs = child.getShape();
        int pIn = (int) ps.get(0);
        int cIn = (int) cs.get(0);
        int pk = (int) ps.get(2);
        int ck = (int) cs.get(2);
        int offset = (ck - pk) / 2;
        float[] p = parent.toFloatArray();
        float[] c = new float[Math.toIntExact(cs.size())];
        double std = Tensors.xavierStd(cs);
        for (int ch = 0; ch < cIn; ch++) {
            int base = ch * ck * ck;
            if (ch >= pIn) {
                for (int j = 0; j < ck * ck; j++) {
                    c[base + j] = (float) (random.nextGaussian() * std);
                }
                continue;
            }
            for (int a = 0; a < ck; a++) {
                for (int b = 0; b < ck; b++) {
                    int pa = a - offset;
                    int pb = b - offset;
                    if (pa >= 0 && pa < pk && pb >= 0 && pb < pk) {
                        c[base + a * ck + b] = p[ch * pk * pk + pa * pk + pb];
                    }
                }
            }
        }
        Tensors.assign(child, c);
    }

    private static void transferPointwise(NDArray parent, NDArray child, RandomGenerator random) {
        Shape ps = parent.getShape();
        Shape cs = child.getShape();
        int pOut = (int) ps.get(0);
        int pIn = (int) ps.get(1);
        int cOut = (int) cs.get(0);
        int cIn = (int) cs.get(1);
        float[] p = parent.toFloatArray();
        float[] c = new float[cOut * cIn];
        double std = Tensors.xavierStd(cs);
        for (int o = 0; o < cOut; o++) {
            for (int j = 0; j < cIn; j++) {
                if (o >= pOut) {
                    c[o * cIn + j] = (float) (random.nextGaussian() * std);
                } else if (j < pIn) {
                    c[o * cIn + j] = p[o * pIn + j];
                }
            }
        }
        Tensors.assign(child, c);
    }

    private static void transferBn(BatchNorm2d parent, BatchNorm2d child) {
        extend(parent.gamma(), child.gamma(), 1f);
        extend(parent.beta(), child.beta(), 0f);
        extend(parent.runningMean(), child.runningMean(), 0f);
        extend(parent.runningVar(), child.runningVar(), 1f);
    }

    private static void extend(NDArray parent, NDArray child, float fresh) {
        float[] p = parent.toFloatArray();
        float[] c = new float[Math.toIntExact(child.size())];
        for (int i = 0; i < c.length; i++) {
            c[i] = i < p.length ? p[i] : fresh;
        }
        Tensors.assign(child, c);
    }

    /** Sets unit {@code c} to an identity: centre-1 depthwise, identity pointwise, fresh BN. */
    static void identity(SeparableUnit c) {
        Shape ds = c.depthwise().weight().getShape();
        int in = (int) ds.get(0);
        int k = (int) ds.get(2);
        float[] dw = new float[in * k * k];
        for (int ch = 0; ch < in; ch++) {
            dw[ch * k * k + (k / 2) * k + k / 2] = 1f;
        }
        Tensors.assign(c.depthwise().weight(), dw);

        Shape ps = c.pointwise().weight().getShape();
        int out = (int) ps.get(0);
        int pin = (int) ps.get(1);
        float[] pw = new float[out * pin];
        for (int o = 0; o < Math.min(out, pin); o++) {
            pw[o * pin + o] = 1f;
        }
        Tensors.assign(c.pointwise().weight(), pw);

        BatchNorm2d bn = c.bn();
        int n = bn.channels();
        Tensors.assign(bn.gamma(), filled(n, 1f));
        Tensors.assign(bn.beta(), filled(n, 0f));
        Tensors.assign(bn.runningMean(), filled(n, 0f));
        Tensors.assign(bn.runningVar(), filled(n, 1f));
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
