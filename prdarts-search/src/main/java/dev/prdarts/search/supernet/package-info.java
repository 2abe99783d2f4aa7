/**
 * The search network: {@link dev.prdarts.search.supernet.Supernet} (build, rebuild for the next
 * cycle, forward, parameter groups, alphas, state), its shape {@link
 * dev.prdarts.search.supernet.SupernetSpec} and the cell DAG {@link
 * dev.prdarts.search.supernet.CellTopology}.
 *
 * <p>The network shares parameter-free candidates between the edges that read one state and one
 * ReLU between the candidates that start with it; both change no number (PERFORMANCE.md). {@link
 * dev.prdarts.search.supernet.SupernetBenchmark} times the network part of a search step (alpha
 * step and weight step, forward and backward) for the two benchmark pools.
 */
package dev.prdarts.search.supernet;
