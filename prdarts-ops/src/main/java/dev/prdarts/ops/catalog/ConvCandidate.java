package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prdarts.api.ops.ConvOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A {@code conv(k, d, x)} candidate: a chain of separable units whose channels run {@code C -> x1*C
 * -> ... -> C}; only the first unit has the edge stride.
 *
 * <p>Parameter names are {@code unit<i>.} followed by the unit's names.
 */
public final class ConvCandidate implements CandidateOp {

    private final ConvOp config;
    private final int channels;
    private final int stride;
    private final List<SeparableUnit> units;

    ConvCandidate(
            ConvOp config,
            int channels,
            int stride,
            boolean affine,
            NDManager manager,
            RandomGenerator random) {
        this.config = config;
        this.channels = channels;
        this.stride = stride;
        int[] m = config.channelMultipliers();
        List<SeparableUnit> list = new ArrayList<>();
        for (int i = 0; i < config.units(); i++) {
            list.add(
                    new SeparableUnit(
                            m[i] * channels,
                            m[i + 1] * channels,
                            config.kernel(),
                            config.dilation(),
                            i == 0 ? stride : 1,
                            affine,
                            manager,
                            random));
        }
        this.units = List.copyOf(list);
    }

    @Override
    public ConvOp config() {
        return config;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int stride() {
        return stride;
    }

    /** Returns the units in order. */
    public List<SeparableUnit> units() {
        return units;
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        return run(x, training, false, null);
    }

    @Override
    public NDArray forward(NDArray x, NDArray reluOfX, NDArray scale, boolean training) {
        return reluOfX != null
                ? run(reluOfX, training, true, scale)
                : run(x, training, false, scale);
    }

    @Override
    public boolean startsWithRelu() {
        return true;
    }

    @Override
    public NDArray forwardFromRelu(NDArray reluOfX, boolean training) {
        return run(reluOfX, training, true, null);
    }

    private NDArray run(NDArray x, boolean training, boolean inputIsRelu, NDArray scale) {
        int last = units.size() - 1;
        NDArray y = units.get(0).forward(x, training, inputIsRelu, last == 0 ? scale : null);
        for (int i = 1; i <= last; i++) {
            NDArray next = units.get(i).forward(y, training, false, i == last ? scale : null);
            y.close();
            y = next;
        }
        return y;
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        for (int i = 0; i < units.size(); i++) {
            units.get(i).collectParameters(prefix + "unit" + i + ".", out);
        }
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        for (int i = 0; i < units.size(); i++) {
            units.get(i).collectBuffers(prefix + "unit" + i + ".", out);
        }
    }

    @Override
    public String toString() {
        return config.text() + "/s" + stride;
    }
}
