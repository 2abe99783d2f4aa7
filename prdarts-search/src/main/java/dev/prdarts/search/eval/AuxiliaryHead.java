package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.ops.catalog.BatchNorm2d;
import dev.prdarts.ops.catalog.Conv2d;
import dev.prdarts.ops.catalog.Linear;
import dev.prdarts.ops.catalog.ParameterHolder;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The auxiliary classifier of the evaluation network (DESIGN section 8), read from the output of
 * cell {@code 2L/3} during training only.
 *
 * <p>ReLU, 5x5 average pool with stride 3 and no padding, 1x1 conv to 128 channels, BN, ReLU, 2x2
 * conv to 768 channels, BN, ReLU, linear layer with bias. (N, C, 8, 8) becomes (N, 768, 1, 1); a
 * larger map is averaged to 1x1 before the linear layer. With C = 576 and 10 classes it has 476,426
 * parameters. Names: {@code conv1.weight}, {@code bn1.*}, {@code conv2.weight}, {@code bn2.*},
 * {@code linear.*}.
 */
public final class AuxiliaryHead implements ParameterHolder {

    private static final Shape POOL = new Shape(5, 5);
    private static final Shape POOL_STRIDE = new Shape(3, 3);
    private static final Shape NO_PADDING = new Shape(0, 0);

    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final Conv2d conv2;
    private final BatchNorm2d bn2;
    private final Linear linear;

    /** Creates the head for {@code channels} input channels, its arrays in {@code manager}. */
    public AuxiliaryHead(int channels, int classes, NDManager manager, RandomGenerator random) {
        this.conv1 = new Conv2d(channels, 128, 1, 1, 0, 1, 1, manager, random);
        this.bn1 = new BatchNorm2d(128, true, manager);
        this.conv2 = new Conv2d(128, 768, 2, 1, 0, 1, 1, manager, random);
        this.bn2 = new BatchNorm2d(768, true, manager);
        this.linear = new Linear(768, classes, manager, random);
    }

    /** Returns the auxiliary logits (N, classes) of a feature map (N, C, H, W), H and W >= 8. */
    public NDArray forward(NDArray x, boolean training) {
        NDArray y = x.getNDArrayInternal().relu();
        y = y.getNDArrayInternal().avgPool(POOL, POOL_STRIDE, NO_PADDING, false, false);
        y = bn1.forward(conv1.forward(y), training).getNDArrayInternal().relu();
        y = bn2.forward(conv2.forward(y), training).getNDArrayInternal().relu();
        y = y.getNDArrayInternal().globalAvgPool();
        return linear.forward(y);
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        conv1.collectParameters(prefix + "conv1.", out);
        bn1.collectParameters(prefix + "bn1.", out);
        conv2.collectParameters(prefix + "conv2.", out);
        bn2.collectParameters(prefix + "bn2.", out);
        linear.collectParameters(prefix + "linear.", out);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        bn1.collectBuffers(prefix + "bn1.", out);
        bn2.collectBuffers(prefix + "bn2.", out);
    }
}
