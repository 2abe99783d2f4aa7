package dev.prdarts.data.provider;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Extracts channel planes from decoded images and resizes them. */
final class ImagePixels {

    private ImagePixels() {}

    /**
     * Returns the image's pixels as channel planes of {@code width * height} bytes, row by row: one
     * plane for greyscale images, three (R, G, B) otherwise. Alpha is dropped.
     */
    static byte[][] planes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getColorModel().getNumColorComponents() == 1
                && image.getColorModel().getColorSpace().getType()
                        == java.awt.color.ColorSpace.TYPE_GRAY) {
            Raster raster = image.getRaster();
            int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
            byte[] grey = new byte[w * h];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = (byte) (max == 255 ? row[x] : (row[x] * 255 + max / 2) / max);
                }
            }
            return new byte[][] {grey};
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[][] rgb = new byte[3][w * h];
        for (int i = 0; i < argb.length; i++) {
            rgb[0][i] = (byte) (argb[i] >> 16);
            rgb[1][i] = (byte) (argb[i] >> 8);
            rgb[2][i] = (byte) argb[i];
        }
        return rgb;
    }

    /**
     * Returns a {@code side x side} copy of a {@code width x height} plane, or the plane itself
     * when it already has that size.
     *
     * <p>Separable triangle (bilinear) filter on pixel centres; when shrinking, the filter widens
     * by the shrink factor so that every source pixel contributes (antialiasing).
     */
    static byte[] resize(byte[] plane, int width, int height, int side) {
        if (width == side && height == side) {
            return plane;
        }
        float[] rows = new float[height * side];
        for (int y = 0; y < height; y++) {
            resample(plane, y * width, 1, width, rows, y * side, 1, side);
        }
        float[] out = new float[side * side];
        for (int x = 0; x < side; x++) {
            resample(rows, x, side, height, out, x, side, side);
        }
        byte[] result = new byte[side * side];
        for (int i = 0; i < out.length; i++) {
            result[i] = (byte) Math.max(0, Math.min(255, Math.round(out[i])));
        }
        return result;
    }

    private static void resample(
            byte[] src,
            int srcAt,
            int srcStep,
            int srcLen,
            float[] dst,
            int dstAt,
            int dstStep,
            int dstLen) {
        float[] asFloat = new float[srcLen];
        for (int i = 0; i < srcLen; i++) {
            asFloat[i] = src[srcAt + i * srcStep] & 0xFF;
        }
        resample(asFloat, 0, 1, srcLen, dst, dstAt, dstStep, dstLen);
    }

    private static void resample(
            float[] src,
            int srcAt,
            int srcStep,
            int srcLen,
            float[] dst,
            int dstAt,
            int dstStep,
            int dstLen) {
        double scale = (double) srcLen / dstLen;
        double support = Math.max(1.0, scale);
        for (int o = 0; o < dstLen; o++) {
            double centre = (o + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(centre - support));
            int hi = Math.min(srcLen - 1, (int) Math.ceil(centre + support));
            double sum = 0;
            double weights = 0;
            for (int i = lo; i <= hi; i++) {
                double wgt = 1.0 - Math.abs((i + 0.5 - centre) / support);
                if (wgt > 0) {
                    sum += wgt * src[srcAt + i * srcStep];
                    weights += wgt;
                }
            }
            dst[dstAt + o * dstStep] =
                    (float) (weights > 0 ? sum / weights : src[srcAt + clamp(o, srcLen) * srcStep]);
        }
    }

    private static int clamp(int i, int len) {
        return Math.max(0, Math.min(len - 1, i));
    }
}
