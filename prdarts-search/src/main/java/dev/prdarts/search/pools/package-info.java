/**
 * Candidate pools per edge, the prune-and-replace step between cycles and the derivation of the
 * final genotype (DESIGN section 5).
 *
 * <p>Pure Java: no tensors. The cycle scheduler feeds these classes the softmax weights of the
 * supernet's alpha vectors and builds the next supernet from the pools they return.
 */
package dev.prdarts.search.pools;
