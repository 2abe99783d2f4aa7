package dev.prdarts.cli;

import dev.prdarts.cli.report.ReportWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the report of a finished search or training run into its run folder. */
final class FinalReport {

    private static final Logger LOG = LoggerFactory.getLogger(FinalReport.class);

    private FinalReport() {}

    /**
     * Writes {@code report.html} and its plots into {@code runDir} (the writer logs its path at
     * INFO); a failure is logged as a warning and does not fail the run.
     *
     * @param runDir the run folder of the finished run
     * @return the report's path, or empty when it could not be written
     */
    static Optional<Path> write(Path runDir) {
        try {
            Path html = ReportWriter.write(runDir, runDir).html();
            LOG.debug("report {}", html.toAbsolutePath());
            return Optional.of(html);
        } catch (Exception e) {
            LOG.warn("no report written for {}: {}", runDir, Errors.oneLine(e));
            return Optional.empty();
        }
    }
}
