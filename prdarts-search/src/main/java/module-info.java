/**
 * The PR-DARTS search: supernet, bilevel training, cycle scheduler, prune and replace, genotype
 * derivation, and the evaluation networks used for retraining.
 */
module dev.prdarts.search {
    requires transitive dev.prdarts.ops;
    requires transitive dev.prdarts.data;
    requires transitive dev.prdarts.hardware;
    requires com.google.guice;
    requires toml4j;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires jdk.unsupported;

    exports dev.prdarts.search;
    exports dev.prdarts.search.config;
    exports dev.prdarts.search.pools;
    exports dev.prdarts.search.stats;
    exports dev.prdarts.search.train;
    exports dev.prdarts.search.run;
    exports dev.prdarts.search.bench;
    exports dev.prdarts.search.genotype;
    exports dev.prdarts.search.eval;
    exports dev.prdarts.search.progress;
    exports dev.prdarts.search.supernet;
    exports dev.prdarts.search.checkpoint;
}
