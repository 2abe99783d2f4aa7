package dev.prdarts.search.supernet;

/**
 * The shape of a search network: input images, classes, initial channels C and number of cells L.
 *
 * <p>Cells {@code L / 3} and {@code 2L / 3} (integer division) are reduction cells and double the
 * channels (DESIGN section 1).
 *
 * @param imageChannels channels of the input images
 * @param height image height
 * @param width image width
 * @param classes number of classes
 * @param channels initial channel count C
 * @param cells number of cells L
 */
public record SupernetSpec(
        int imageChannels, int height, int width, int classes, int channels, int cells) {

    /** Creates a spec and checks every value. */
    public SupernetSpec {
        positive("image channels", imageChannels);
        positive("image height", height);
        positive("image width", width);
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        positive("channels C", channels);
        positive("cells L", cells);
    }

    /** Returns the paper's proxy network for 3x32x32 images: C = 16, 8 cells. */
    public static SupernetSpec cifar(int classes) {
        return new SupernetSpec(3, 32, 32, classes, 16, 8);
    }

    /** Returns whether cell {@code index} is a reduction cell. */
    public boolean isReduction(int index) {
        return index == cells / 3 || index == 2 * cells / 3;
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
    }
}
