/**
 * Retraining and evaluation (DESIGN section 8): the evaluation network of a genotype, its training
 * loop and the model folders it writes.
 *
 * <p>{@link dev.prdarts.search.eval.EvalNetwork} is built from the operation catalog with affine BN
 * and bare pools; {@link dev.prdarts.search.eval.EvalNetworkSpec} fixes its shape. Drop-path and
 * the auxiliary head only act in training.
 */
package dev.prdarts.search.eval;
