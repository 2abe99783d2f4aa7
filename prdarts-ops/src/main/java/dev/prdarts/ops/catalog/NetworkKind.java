package dev.prdarts.ops.catalog;

/**
 * Which network an operation is built for; it decides the batch normalisation style.
 *
 * <p>The search network (DESIGN section 1) uses BN without learnable scale and shift everywhere in
 * its cells and follows every pool by such a BN. The evaluation network uses affine BN and pools
 * without BN.
 */
public enum NetworkKind {
    /** The supernet: affine-free BN, pools followed by an affine-free BN. */
    SEARCH(false, true),
    /** The retraining network: affine BN, pools without BN. */
    EVALUATION(true, false);

    private final boolean affine;
    private final boolean bnAfterPool;

    NetworkKind(boolean affine, boolean bnAfterPool) {
        this.affine = affine;
        this.bnAfterPool = bnAfterPool;
    }

    /** Returns whether the BNs inside cells have a learnable scale and shift. */
    public boolean affineBn() {
        return affine;
    }

    /** Returns whether a pool is followed by a BN. */
    public boolean bnAfterPool() {
        return bnAfterPool;
    }
}
