package dev.prdarts.ops.morph;

/** The six network morphisms of DESIGN section 3; they apply to conv configurations only. */
public enum MorphKind {
    /** Kernel k to k+2; depthwise kernels are zero-padded, the output is unchanged. */
    GROW_KERNEL,
    /** Kernel k to k-2, keeping the centre weights; never to k = 1 while d >= 2. */
    SHRINK_KERNEL,
    /** Dilation d to d+1 with the same weights; not for k = 1. */
    DILATE,
    /** Dilation d to d-1 with the same weights; not from k = 1, d = 2. */
    UNDILATE,
    /** Appends a unit with expansion factor 1, initialised as an identity. */
    INSERT_UNIT,
    /** Increases the first smallest expansion factor by one; the output is unchanged. */
    WIDEN
}
