package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.ops.ZeroOp;
import java.util.Map;

/** The zero candidate: zeros of shape (N, C, ceil(H / s), ceil(W / s)); no parameters. */
public final class ZeroCandidate implements CandidateOp {

    private final int channels;
    private final int stride;

    ZeroCandidate(int channels, int stride) {
        this.channels = channels;
        this.stride = stride;
    }

    @Override
    public ZeroOp config() {
        return ZeroOp.INSTANCE;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int stride() {
        return stride;
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        Shape in = x.getShape();
        Shape out =
                new Shape(
                        in.get(0),
                        in.get(1),
                        Catalog.outputSize(in.get(2), stride),
                        Catalog.outputSize(in.get(3), stride));
        return x.getManager().zeros(out, x.getDataType(), x.getDevice());
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {}

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {}

    @Override
    public String toString() {
        return "zero/s" + stride;
    }
}
