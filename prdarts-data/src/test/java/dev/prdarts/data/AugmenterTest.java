package dev.prdarts.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.api.random.SeededRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final double MEAN = 0.1;
    private static final Normalization NORM =
            Normalization.of(new double[] {MEAN, MEAN, MEAN}, new double[] {1, 1, 1});

    /** Byte value of pixel (c, y, x) of the test image: all 192 values distinct. */
    private static int value(int c, int y, int x) {
        return c * 64 + y * 8 + x;
    }

    private static byte[] image() {
        byte[] b = new byte[SHAPE.size()];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    b[c * 64 + y * 8 + x] = (byte) value(c, y, x);
                }
            }
        }
        return b;
    }

    private static float normalised(int v) {
        return (float) (v / 255.0 - MEAN);
    }

    /** Returns the expected value: source pixel (c, sy, sx), or the black padding outside. */
    private static float source(int c, int sy, int sx) {
        if (sy < 0 || sy >= 8 || sx < 0 || sx >= 8) {
            return normalised(0);
        }
        return normalised(value(c, sy, sx));
    }

    private static float[] run(Augmentation aug, Augmenter.Draw d) {
        float[] out = new float[SHAPE.size() + 5];
        new Augmenter(SHAPE, NORM, aug).apply(image(), 0, d, out, 5);
        float[] result = new float[SHAPE.size()];
        System.arraycopy(out, 5, result, 0, result.length);
        return result;
    }

    private static float at(float[] out, int c, int y, int x) {
        return out[c * 64 + y * 8 + x];
    }

    @Test
    void withoutAugmentationPixelsAreOnlyNormalised() {
        Normalization norm =
                Normalization.of(new double[] {0.5, 0.25, 0.75}, new double[] {0.25, 0.5, 2});
        Augmenter augmenter = new Augmenter(SHAPE, norm, Augmentation.NONE);
        float[] out = new float[SHAPE.size()];

        augmenter.apply(image(), 0, augmenter.draw(new SeededRandom(1)), out, 0);

        double[] m = {0.5, 0.25, 0.75};
        double[] s = {0.25, 0.5, 2};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    assertEquals(
                            (float) ((value(c, y, x) / 255.0 - m[c]) / s[c]), at(out, c, y, x));
                }
            }
        }
    }

    @Test
    void cropIsTheDrawnWindowOfTheZeroPaddedImage() {
        Augmentation aug = new Augmentation(4, false, 0);
        Augmenter augmenter = new Augmenter(SHAPE, NORM, aug);
        Set<Integer> offsets = new HashSet<>();
        for (int seed = 0; seed < 300; seed++) {
            Augmenter.Draw d = augmenter.draw(new SeededRandom(seed));
            float[] out = run(aug, d);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        assertEquals(
                                source(c, y + d.dy() - 4, x + d.dx() - 4),
                                at(out, c, y, x),
                                "seed " + seed + " " + d + " pixel " + c + "," + y + "," + x);
                    }
                }
            }
            offsets.add(d.dy() * 9 + d.dx());
        }
        assertEquals(81, offsets.size(), "every window position 0..8 x 0..8 should occur");
    }

    @Test
    void flipMirrorsEveryRow() {
        Augmentation aug = new Augmentation(0, true, 0);
        Augmenter augmenter = new Augmenter(SHAPE, NORM, aug);
        int flipped = 0;
        for (int seed = 0; seed < 100; seed++) {
            Augmenter.Draw d = augmenter.draw(new SeededRandom(seed));
            float[] out = run(aug, d);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int sx = d.flip() ? 7 - x : x;
                        assertEquals(normalised(value(c, y, sx)), at(out, c, y, x));
                    }
                }
            }
            flipped += d.flip() ? 1 : 0;
        }
        assertTrue(flipped > 30 && flipped < 70, "about half flipped, got " + flipped);
    }

    @Test
    void flipMirrorsTheCroppedWindow() {
        Augmentation aug = new Augmentation(4, true, 0);

        float[] out = run(aug, new Augmenter.Draw(5, 6, true, 0, 0));

        // crop window starts at padded (5, 6) = source (1, 2); then columns are mirrored
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    assertEquals(source(c, y + 1, 7 - x + 2), at(out, c, y, x));
                }
            }
        }
        assertEquals(normalised(value(0, 1, 9 - 2)), at(out, 0, 0, 2));
        assertEquals(normalised(0), at(out, 0, 0, 0));
        assertEquals(normalised(0), at(out, 2, 7, 3));
    }

    @Test
    void cutoutZeroesTheSquareAroundItsCentreAfterNormalising() {
        Augmentation aug = new Augmentation(0, false, 4);

        float[] out = run(aug, new Augmenter.Draw(0, 0, false, 1, 6));

        // side 4 centred on (1, 6): rows -1..2 and columns 4..7, clipped to rows 0..2
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean inside = y <= 2 && x >= 4;
                    float expected = inside ? 0f : normalised(value(c, y, x));
                    assertEquals(expected, at(out, c, y, x), "pixel " + c + "," + y + "," + x);
                }
            }
        }
    }

    @Test
    void fixedSeedGivesOneShiftedOrMirroredWindow() {
        Augmentation aug = new Augmentation(2, true, 0);
        Augmenter augmenter = new Augmenter(SHAPE, NORM, aug);
        float[] out = new float[SHAPE.size()];
        augmenter.apply(image(), 0, augmenter.draw(new SeededRandom(77)), out, 0);

        // brute force over all 5 x 5 windows and both mirrorings: exactly one must match
        int matches = 0;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                for (boolean flip : new boolean[] {false, true}) {
                    boolean same = true;
                    for (int c = 0; c < 3 && same; c++) {
                        for (int y = 0; y < 8 && same; y++) {
                            for (int x = 0; x < 8 && same; x++) {
                                int sx = (flip ? 7 - x : x) + dx;
                                same = source(c, y + dy, sx) == at(out, c, y, x);
                            }
                        }
                    }
                    matches += same ? 1 : 0;
                }
            }
        }
        assertEquals(1, matches);
    }

    @Test
    void normalizationWithOtherChannelCountIsRejected() {
        Normalization grey = Normalization.of(new double[] {0.5}, new double[] {0.5});

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Augmenter(SHAPE, grey, Augmentation.NONE));

        assertEquals("normalization has 1 channels but images are 3x8x8", e.getMessage());
    }
}
