/**
 * The operation catalog on DJL, the morph rules with weight transfer, and the built-in constraint
 * spaces DL, DR and UR, provided through the constraint-space SPI like any plugin.
 */
module dev.prdarts.ops {
    requires transitive dev.prdarts.api;
    requires transitive ai.djl.api;
    requires com.google.guice;
    requires toml4j;
    requires org.slf4j;

    exports dev.prdarts.ops;
    exports dev.prdarts.ops.catalog;
    exports dev.prdarts.ops.morph;
    exports dev.prdarts.ops.toml;
    exports dev.prdarts.ops.space;

    uses dev.prdarts.api.space.ConstraintSpaceProvider;

    provides dev.prdarts.api.space.ConstraintSpaceProvider with
            dev.prdarts.ops.space.DartsLikeSpaceProvider,
            dev.prdarts.ops.space.DepthRestrictedSpaceProvider,
            dev.prdarts.ops.space.UnrestrictedSpaceProvider;
}
