package dev.prdarts.search.eval;

/**
 * The shape of an evaluation network (DESIGN section 8): channels, cells, classes, input image
 * shape and whether it has the auxiliary head.
 *
 * <p>Cells {@code L/3} and {@code 2L/3} (integer division) are reduction cells; the auxiliary head
 * reads the output of cell {@code 2L/3}. The head (5x5 average pool with stride 3 and no padding,
 * then a 2x2 conv) needs a feature map of at least 8x8 there, that is an input of at least 29x29
 * pixels; a smaller input (for example Fashion-MNIST's 28x28, which gives 7x7) is refused with a
 * message that says so. A map larger than the head needs is averaged to 1x1 before its linear
 * layer.
 *
 * @param channels C, the channels of the first cells (36 in the paper)
 * @param cells L, the number of cells (20 in the paper)
 * @param classes the number of classes
 * @param inChannels the image channels
 * @param height the image height
 * @param width the image width
 * @param auxiliary whether the network has the auxiliary head
 */
public record EvalNetworkSpec(
        int channels,
        int cells,
        int classes,
        int inChannels,
        int height,
        int width,
        boolean auxiliary) {

    /** The paper's initial channel count. */
    public static final int DEFAULT_CHANNELS = 36;

    /** The paper's number of cells. */
    public static final int DEFAULT_CELLS = 20;

    /** The smallest feature map side the auxiliary head accepts. */
    public static final int AUX_MIN_SIDE = 8;

    /** Creates a spec and checks every value, including that the auxiliary head fits. */
    public EvalNetworkSpec {
        positive("channels", channels);
        if (cells < 2) {
            throw new IllegalArgumentException(
                    "cells must be >= 2 (two of them are reduction cells), got " + cells);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        positive("input channels", inChannels);
        positive("input height", height);
        positive("input width", width);
        if (auxiliary) {
            long h = auxMapSide(height);
            long w = auxMapSide(width);
            if (h < AUX_MIN_SIDE || w < AUX_MIN_SIDE) {
                throw new IllegalArgumentException(
                        "the auxiliary head needs a feature map of at least "
                                + AUX_MIN_SIDE
                                + "x"
                                + AUX_MIN_SIDE
                                + " after cell 2L/3 (5x5 average pool with stride 3, then a 2x2"
                                + " conv), but an input of "
                                + inChannels
                                + "x"
                                + height
                                + "x"
                                + width
                                + " gives "
                                + h
                                + "x"
                                + w
                                + "; train without the auxiliary head for images under 29x29");
            }
        }
    }

    /** Returns a spec with the paper's channels and cells for 3x32x32 images. */
    public static EvalNetworkSpec paper(int classes, boolean auxiliary) {
        return new EvalNetworkSpec(DEFAULT_CHANNELS, DEFAULT_CELLS, classes, 3, 32, 32, auxiliary);
    }

    /** Returns whether the auxiliary head fits an input of that height and width. */
    public static boolean auxiliaryFits(int height, int width) {
        return auxMapSide(height) >= AUX_MIN_SIDE && auxMapSide(width) >= AUX_MIN_SIDE;
    }

    /** Returns the same spec with the auxiliary head switched on or off. */
    public EvalNetworkSpec withAuxiliary(boolean on) {
        return new EvalNetworkSpec(channels, cells, classes, inChannels, height, width, on);
    }

    /** Returns whether cell {@code index} (0-based) is a reduction cell. */
    public boolean isReduction(int index) {
        return index == cells / 3 || index == 2 * cells / 3;
    }

    /** Returns the index of the cell whose output feeds the auxiliary head, {@code 2L/3}. */
    public int auxiliaryCell() {
        return 2 * cells / 3;
    }

    /** Returns the side of the feature map after the two reductions: ceil(ceil(side/2)/2). */
    static long auxMapSide(int side) {
        return ((side + 1L) / 2 + 1) / 2;
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
    }
}
