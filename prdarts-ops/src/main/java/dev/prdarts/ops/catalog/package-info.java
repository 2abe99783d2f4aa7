/**
 * The operation catalog on DJL (DESIGN section 2): candidate operations and the network pieces the
 * search and evaluation networks share.
 *
 * <p><b>Design.</b> Functional, not DJL {@code Block}s: every piece holds its parameters as plain
 * {@code NDArray}s and computes with array operations, so a network can share work between edges (a
 * ReLU per state, a parameter-free candidate per state) and train with a {@code GradientCollector}
 * over exactly the arrays it chooses.
 *
 * <ul>
 *   <li><b>Building.</b> {@link dev.prdarts.ops.catalog.Catalog#create Catalog.create(config, C,
 *       stride, kind, manager, random)} builds a {@link dev.prdarts.ops.catalog.CandidateOp};
 *       {@link dev.prdarts.ops.catalog.NetworkKind} selects affine-free BN plus BN after pools
 *       (search) or affine BN and bare pools (evaluation). {@link dev.prdarts.ops.catalog.Stem},
 *       {@link dev.prdarts.ops.catalog.Preprocessing}, {@link dev.prdarts.ops.catalog.Classifier}
 *       and the layers ({@link dev.prdarts.ops.catalog.Conv2d}, {@link
 *       dev.prdarts.ops.catalog.BatchNorm2d}, {@link dev.prdarts.ops.catalog.SeparableUnit}, {@link
 *       dev.prdarts.ops.catalog.FactorizedReduce}) are public for the networks. Initial values come
 *       from the given {@code RandomGenerator} on the Java side, so a seed fixes them.
 *   <li><b>Memory.</b> Parameters and buffers are created in the manager passed at build time; its
 *       owner frees them by closing it. Every forward result belongs to the manager of the input
 *       array, so a caller who puts the input in a per-step sub-manager frees all intermediates by
 *       closing that sub-manager. Forward passes also close their own temporaries as soon as they
 *       are used (autograd keeps what backward needs), which keeps a step's peak memory low; the
 *       input and the result stay open.
 *   <li><b>Parameters.</b> {@link dev.prdarts.ops.catalog.ParameterHolder#parameters()} and {@link
 *       dev.prdarts.ops.catalog.ParameterHolder#buffers()} return the live arrays by stable
 *       structural names such as {@code unit0.depthwise.weight} or {@code bn.running_mean}. BN
 *       running statistics are buffers, never parameters. Arrays do not require gradients when
 *       created; the training code switches that on for the group it trains. {@link
 *       dev.prdarts.ops.catalog.Tensors#copyAll} copies values by name, in place.
 *   <li><b>Mixed edges.</b> {@code CandidateOp.forward(x, reluOfX, scale, training)} returns {@code
 *       scale * op(x)}, folding the scale into a final BN and reusing a ReLU the caller already
 *       computed.
 *   <li><b>Training flag.</b> {@code forward(x, training)}: true normalises with batch statistics
 *       and updates the running ones; false uses the running statistics.
 *   <li><b>Shapes.</b> Every candidate maps (N, C, H, W) to (N, C, ceil(H/s), ceil(W/s)); odd sides
 *       work (28, 14, 7, 4). A skip at stride 2 with an odd C is refused when built.
 *   <li><b>Morphs.</b> {@link dev.prdarts.ops.catalog.MorphTransfer} initialises a conv child from
 *       its parent (DESIGN section 3).
 * </ul>
 */
package dev.prdarts.ops.catalog;
