/**
 * Datasets, augmentation, the two search halves and resizable batches.
 *
 * <p>Typical use by a search:
 *
 * <pre>{@code
 * DataSplits data = DataSplits.load(new DatasetRegistry(), "cifar10",
 *         DataOptions.builder().dataDir(dir).seed(2).build());
 * ImageShape input = data.shape();          // (C, H, W) of the network input
 * int classes = data.classes();
 * try (BatchStream weights = data.weightHalf().epochs(24);
 *         BatchStream alpha = data.alphaHalf().cycled(24)) {
 *     while (weights.hasNext()) {
 *         try (NDManager step = base.newSubManager()) {
 *             Batch a = alpha.next(step);   // alpha step
 *             Batch w = weights.next(step); // weight step
 *         }
 *         weights.setBatchSize(32);         // any time; set it on both streams
 *         alpha.setBatchSize(32);
 *     }
 *     weights.nextEpoch();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.prdarts.data.DatasetRegistry}: the datasets by name ({@code builtin}, {@code
 *       cifar10}, {@code cifar100}, {@code fashion-mnist}, {@code mnist}, {@code image-folder} and
 *       plugins), found with {@link java.util.ServiceLoader} on a given class loader.
 *   <li>{@link dev.prdarts.data.DataOptions}: data folder, image size, limit, portion, seed and the
 *       training augmentation (pad, flip, cutout).
 *   <li>{@link dev.prdarts.data.DataSplits}: a loaded dataset with its normalisation (published
 *       CIFAR constants, or computed once and cached) and its {@link dev.prdarts.data.Split}s:
 *       train, weight half, alpha half, test.
 *   <li>{@link dev.prdarts.data.BatchStream}: batches of (N, C, H, W) float32 images and (N) int32
 *       labels in the caller's {@code NDManager}, prepared ahead by one background thread; batch
 *       size changeable between any two steps; epoch streams and a cycled stream; deterministic for
 *       a seed.
 *   <li>{@link dev.prdarts.data.Augmentation}: pad and random crop, horizontal flip, Cutout.
 *   <li>{@link dev.prdarts.data.DataBenchmark}: the {@code prdarts bench data} measurement.
 * </ul>
 *
 * <p>Images stay unsigned bytes in memory ({@link dev.prdarts.api.data.ImageSet}); only a batch is
 * ever converted to floats.
 */
package dev.prdarts.data;
