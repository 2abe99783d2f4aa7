/** Memory probes (found with ServiceLoader) and the adaptive batch-size manager. */
module dev.prdarts.hardware {
    requires transitive dev.prdarts.api;
    requires transitive ai.djl.api;
    requires com.google.guice;
    requires org.slf4j;

    exports dev.prdarts.hardware;
}
