package dev.prdarts.search.config;

import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.schedule.Schedule;
import dev.prdarts.search.pools.InitialCatalog;
import java.util.Objects;

/**
 * Every setting of a search, fully resolved (DESIGN sections 5 and 6).
 *
 * <p>Instances come from {@link SearchConfigLoader}, which checks every value; {@link
 * SearchConfigToml#write(SearchConfig)} writes one back as TOML that loads to an equal instance.
 *
 * @param seed the seed of every random choice of the run
 * @param threads the engine's intra-op threads on CPU
 * @param device the device: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param data which images and how they are split
 * @param search the search space and the proxy network's shape
 * @param batch the adaptive batch-size bounds (DESIGN section 7)
 * @param weights the SGD settings of the network weights
 * @param alpha the Adam settings of the architecture weights
 * @param schedule the cycles
 */
public record SearchConfig(
        long seed,
        int threads,
        String device,
        Data data,
        Search search,
        Batch batch,
        Weights weights,
        Alpha alpha,
        Schedule schedule) {

    /** Creates a config; the loader has checked every value. */
    public SearchConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * The data settings ({@code [data]}).
     *
     * @param dataset the dataset name, for example {@code builtin} or {@code cifar10}
     * @param dir the dataset directory, or empty for the dataset's default location
     * @param trainPortion the share of the training set that trains the weights; the rest trains
     *     alpha and gives the validation figure
     * @param limit the most images used per half, or 0 for all
     */
    public record Data(String dataset, String dir, double trainPortion, int limit) {}

    /**
     * The search space and proxy network ({@code [search]}).
     *
     * @param space the constraint space's name, for example {@code DL}
     * @param catalog the initial pool of every edge
     * @param channels the channel count C of the first cells
     * @param cells the number of cells L
     * @param validEpochs how many of the last epochs of each cycle end with a validation pass
     */
    public record Search(
            String space, InitialCatalog catalog, int channels, int cells, int validEpochs) {}

    /**
     * The batch-size bounds ({@code [batch]}).
     *
     * @param min the smallest batch size, used after every rebuild
     * @param mult the step between batch sizes
     * @param max the largest batch size
     * @param threshold the share of the memory budget the batch size may grow into
     * @param memoryBudget the memory budget such as {@code 6GB}, or empty for the probe's default
     *     (on a CPU the smaller of 75% of physical memory and the cgroup limit)
     */
    public record Batch(int min, int mult, int max, double threshold, String memoryBudget) {}

    /**
     * SGD for the network weights ({@code [weights]}).
     *
     * @param lr the learning rate at the start of every cycle
     * @param lrMin the learning rate the cosine schedule decays towards within a cycle
     * @param momentum the momentum factor
     * @param weightDecay the L2 weight decay added to the gradient
     * @param gradClip the largest global gradient norm
     */
    public record Weights(
            double lr, double lrMin, double momentum, double weightDecay, double gradClip) {}

    /**
     * Adam for the architecture weights ({@code [alpha]}).
     *
     * @param lr the constant learning rate
     * @param beta1 the first-moment decay
     * @param beta2 the second-moment decay
     * @param weightDecay the L2 weight decay added to the gradient
     * @param gradClip the largest global gradient norm
     */
    public record Alpha(
            double lr, double beta1, double beta2, double weightDecay, double gradClip) {}

    /** Returns the cycle with the given 0-based index. */
    public CycleSpec cycle(int index) {
        return schedule.cycles().get(index);
    }

    /**
     * Returns a copy whose {@code search.space} is {@code name}, for example the registered
     * spelling of a name that was given in another case.
     */
    public SearchConfig withSpace(String name) {
        Search s =
                new Search(
                        name,
                        search.catalog(),
                        search.channels(),
                        search.cells(),
                        search.validEpochs());
        return new SearchConfig(seed, threads, device, data, s, batch, weights, alpha, schedule);
    }

    /** Returns a copy with another seed. */
    public SearchConfig withSeed(long newSeed) {
        return new SearchConfig(
                newSeed, threads, device, data, search, batch, weights, alpha, schedule);
    }
}
