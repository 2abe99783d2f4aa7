/** Genotypes: the cells a search finds, as (operation, input) pairs per node. */
package dev.prdarts.api.genotype;
