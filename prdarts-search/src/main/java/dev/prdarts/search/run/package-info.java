/**
 * Running a search: the run folder, the cycle scheduler that trains, prunes, replaces and rebuilds,
 * and the final summary.
 */
package dev.prdarts.search.run;
