/** Datasets, augmentation, the two search halves and resizable batches. */
package dev.prdarts.data;
