/**
 * Retraining and evaluation (DESIGN section 8): the evaluation network of a genotype, its training
 * loop and the folders it writes.
 *
 * <p>{@link dev.prdarts.search.eval.EvalNetwork} is built from the operation catalog with affine BN
 * and bare pools; {@link dev.prdarts.search.eval.EvalNetworkSpec} fixes its shape. Drop-path and
 * the auxiliary head only act in training. {@link dev.prdarts.search.eval.Retrainer} trains it with
 * {@link dev.prdarts.search.eval.MomentumSgd} under a {@link dev.prdarts.search.eval.RetrainConfig}
 * (presets {@code paper} and {@code smoke}), tests it every epoch with {@link
 * dev.prdarts.search.eval.Evaluator} and writes a {@link dev.prdarts.search.eval.TrainingRun};
 * {@link dev.prdarts.search.eval.ModelFolder} saves and loads the trained model. {@link
 * dev.prdarts.search.eval.TrainStepBenchmark} times single steps.
 */
package dev.prdarts.search.eval;
