/**
 * The prdarts API: immutable values and service interfaces, plus a UTF-8 text reader.
 *
 * <p>Operation configurations and their canonical text form, genotypes, constraint spaces, cycle
 * schedules, the plugin SPIs (constraint spaces, datasets, memory probes) and the reading of input
 * text files. This module has no dependency on DJL or Guice, so other systems can embed it.
 */
module dev.prdarts.api {
    exports dev.prdarts.api.ops;
    exports dev.prdarts.api.genotype;
    exports dev.prdarts.api.space;
    exports dev.prdarts.api.random;
    exports dev.prdarts.api.schedule;
    exports dev.prdarts.api.hardware;
    exports dev.prdarts.api.data;
    exports dev.prdarts.api.io;

    uses dev.prdarts.api.space.ConstraintSpaceProvider;
    uses dev.prdarts.api.hardware.MemoryProbeProvider;
    uses dev.prdarts.api.data.DatasetProvider;
}
