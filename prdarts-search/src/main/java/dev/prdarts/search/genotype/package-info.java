/**
 * Genotype files and the published cells.
 *
 * <p>{@link dev.prdarts.search.genotype.GenotypeJson} reads and writes the {@code genotype.json} of
 * a run folder and reads the authors' Python genotype JSON; {@link
 * dev.prdarts.search.genotype.BuiltinGenotypes} holds the published cells; {@link
 * dev.prdarts.search.genotype.GenotypeFiles} resolves a name or a path given on the command line;
 * {@link dev.prdarts.search.genotype.GenotypeText} writes and reads the one-line-per-node text
 * form.
 */
package dev.prdarts.search.genotype;
