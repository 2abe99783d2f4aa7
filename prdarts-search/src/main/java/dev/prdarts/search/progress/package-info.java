/**
 * Progress reporting for long work (epochs, steps, data loading, retraining).
 *
 * <p>Loops report through a {@link dev.prdarts.search.progress.ProgressListener}; the command line
 * supplies an implementation that draws a progress bar on a terminal or writes periodic log lines
 * otherwise. Code that runs without a command line uses {@link
 * dev.prdarts.search.progress.ProgressListener#none()}.
 */
package dev.prdarts.search.progress;
