/**
 * Bilevel training of the supernet (DESIGN section 6): SGD for the weights, Adam for the alphas,
 * each on its own group of arrays with global-norm clipping, the per-cycle cosine schedule, and the
 * first-order DARTS step.
 *
 * <p>The optimizers work on DJL arrays directly so their whole state (momentum, moments, step
 * counts) is readable by name for checkpoints. Each step's temporaries live in a sub-manager the
 * caller closes after the step.
 */
package dev.prdarts.search.train;
