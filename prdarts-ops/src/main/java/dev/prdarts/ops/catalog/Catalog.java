package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDManager;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.ops.ZeroOp;
import java.util.random.RandomGenerator;

/**
 * Builds the candidate operation of every {@link OpConfig} (DESIGN section 2).
 *
 * <p>All candidates map (N, C, H, W) to (N, C, ceil(H / s), ceil(W / s)), odd sizes included
 * ({@link #outputSize}). The only refused combination is a skip at stride 2 with an odd C, because
 * its factorized reduce splits the channels in two halves.
 */
public final class Catalog {

    private Catalog() {}

    /**
     * Creates a candidate whose arrays live in {@code manager}.
     *
     * @param config the operation
     * @param channels C, the channel count of input and output
     * @param stride the edge stride, 1 or 2
     * @param kind search (affine-free BN, BN after pools) or evaluation (affine BN, bare pools)
     * @param manager owner of every parameter and buffer; closing it frees them
     * @param random source of initial values (seeded for reproducible runs)
     * @return the candidate
     * @throws IllegalArgumentException for a bad channel count or stride
     */
    public static CandidateOp create(
            OpConfig config,
            int channels,
            int stride,
            NetworkKind kind,
            NDManager manager,
            RandomGenerator random) {
        if (config == null || kind == null || manager == null || random == null) {
            throw new IllegalArgumentException("config, kind, manager and random must not be null");
        }
        if (channels < 1) {
            throw new IllegalArgumentException(
                    "channels of " + config.text() + " must be >= 1, got " + channels);
        }
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException(
                    "stride of " + config.text() + " must be 1 or 2, got " + stride);
        }
        if (config instanceof PoolOp pool) {
            return new PoolCandidate(pool, channels, stride, kind.bnAfterPool(), manager);
        }
        if (config instanceof SkipOp) {
            if (stride == 2 && channels % 2 != 0) {
                throw new IllegalArgumentException(
                        "skip at stride 2 is a factorized reduce and needs an even channel count,"
                                + " got "
                                + channels);
            }
            return new SkipCandidate(channels, stride, kind.affineBn(), manager, random);
        }
        if (config instanceof ZeroOp) {
            return new ZeroCandidate(channels, stride);
        }
        ConvOp conv = (ConvOp) config;
        return new ConvCandidate(conv, channels, stride, kind.affineBn(), manager, random);
    }

    /** Returns the output side for an input side and stride: {@code ceil(size / stride)}. */
    public static long outputSize(long size, int stride) {
        return (size + stride - 1) / stride;
    }
}
