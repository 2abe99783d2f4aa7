/** Datasets (CIFAR, IDX, image folders, the built-in sample), augmentation, splits, batching. */
module dev.prdarts.data {
    requires transitive dev.prdarts.api;
    requires transitive ai.djl.api;
    requires com.google.guice;
    requires org.slf4j;

    exports dev.prdarts.data;
}
