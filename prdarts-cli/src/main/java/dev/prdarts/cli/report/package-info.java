/**
 * Reports a researcher looks at: cell diagrams (SVG, PNG), search and training plots (PNG), the
 * HTML report of a run folder and the comparison of several runs.
 *
 * <p>{@link dev.prdarts.cli.report.RunFolder} reads a run folder as specified in {@code
 * docs/run-folder.md}; {@link dev.prdarts.cli.report.ReportWriter} is the entry point the search
 * and train commands call when they finish.
 */
package dev.prdarts.cli.report;
