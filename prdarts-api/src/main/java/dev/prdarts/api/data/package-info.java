/**
 * The dataset SPI: image datasets held in memory as bytes, and the providers that load them.
 *
 * <p>A {@link dev.prdarts.api.data.DatasetProvider} loads one named dataset (for example {@code
 * cifar10}) into an {@link dev.prdarts.api.data.ImageDataset}: its {@link
 * dev.prdarts.api.data.ImageShape}, class names and the training and test {@link
 * dev.prdarts.api.data.ImageSet}s, whose pixels stay unsigned bytes in (N, C, H, W) order.
 * Providers are found with {@link java.util.ServiceLoader}: a plugin jar declares its provider in
 * {@code META-INF/services/dev.prdarts.api.data.DatasetProvider} (class-path mode) and with {@code
 * provides} in its {@code module-info} (module mode). Missing or malformed files are reported as a
 * {@link dev.prdarts.api.data.DatasetException} whose message names the file and the problem.
 */
package dev.prdarts.api.data;
