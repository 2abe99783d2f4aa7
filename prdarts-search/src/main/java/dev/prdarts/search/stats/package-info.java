/**
 * Search statistics and the run-folder files that record them (DESIGN section 9,
 * docs/run-folder.md): per-epoch metrics lines, per-cycle pool reports with family shares, kernel
 * sizes and pool similarity.
 */
package dev.prdarts.search.stats;
