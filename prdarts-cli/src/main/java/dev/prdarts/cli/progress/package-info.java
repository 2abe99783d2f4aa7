/**
 * Progress shown by the command line: a progress bar with rate and ETA on a terminal, periodic log
 * lines otherwise, never both. {@link dev.prdarts.cli.progress.CliProgress#forThisProcess()} makes
 * the choice.
 */
package dev.prdarts.cli.progress;
