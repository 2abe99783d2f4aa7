/**
 * Datasets (CIFAR, IDX, image folders, the built-in sample), augmentation, splits, batching.
 *
 * <p>Provides the built-in {@link dev.prdarts.api.data.DatasetProvider}s and discovers plugin ones
 * with {@link java.util.ServiceLoader}.
 */
module dev.prdarts.data {
    requires transitive dev.prdarts.api;
    requires transitive ai.djl.api;
    requires java.desktop;
    requires com.google.guice;
    requires org.slf4j;

    exports dev.prdarts.data;

    uses dev.prdarts.api.data.DatasetProvider;

    provides dev.prdarts.api.data.DatasetProvider with
            dev.prdarts.data.provider.BuiltinProvider,
            dev.prdarts.data.provider.Cifar10Provider,
            dev.prdarts.data.provider.Cifar100Provider,
            dev.prdarts.data.provider.FashionMnistProvider,
            dev.prdarts.data.provider.MnistProvider,
            dev.prdarts.data.provider.ImageFolderProvider;
}
