/**
 * Running a search: the run folder, the cycle scheduler that trains, prunes, replaces and rebuilds,
 * and the final summary; checkpoints after every epoch, resuming from them, and stopping gracefully
 * on Ctrl-C ({@link dev.prdarts.search.run.StopSignals}).
 */
package dev.prdarts.search.run;
