/**
 * The built-in dataset providers and their file readers (internal; reached through {@link
 * dev.prdarts.data.DatasetRegistry}).
 *
 * <p>CIFAR-10/100 binary files, IDX files (MNIST, Fashion-MNIST), image folders, and the built-in
 * Fashion-MNIST sample with {@link dev.prdarts.data.provider.BuiltinSampleTool}, which makes it.
 */
package dev.prdarts.data.provider;
