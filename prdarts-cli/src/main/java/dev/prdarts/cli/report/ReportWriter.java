package dev.prdarts.cli.report;

import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.io.Folders;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.search.genotype.GenotypeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the HTML report of one run folder: {@code report.html} with the plots embedded, the plots
 * as PNG files in {@code plots/} and the cell diagram as {@code cells.svg} beside it.
 *
 * <p>The search and train commands call {@link #write(Path, Path)} when they end; {@code prdarts
 * report} calls it on any run folder, finished or not.
 */
public final class ReportWriter {

    /** The file name of the report. */
    public static final String REPORT_FILE = "report.html";

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    /**
     * What was written.
     *
     * @param html the report
     * @param files every file written, the report first
     * @param run the run folder as read
     */
    public record Written(Path html, List<Path> files, RunFolder run) {}

    private ReportWriter() {}

    /**
     * Reads a run folder and writes its report.
     *
     * @param runDir the run folder
     * @param outDir the folder to write into (created when missing); often {@code runDir} itself
     * @return what was written
     * @throws RunFormatException when the folder is not a run or a file breaks the format
     * @throws IOException when reading or writing fails
     */
    public static Written write(Path runDir, Path outDir) throws IOException {
        RunFolder run = RunFolder.read(runDir);
        Folders.create(outDir.resolve("plots"));
        List<Path> files = new ArrayList<>();
        Path html = outDir.resolve(REPORT_FILE);
        files.add(html);

        List<Plot> plots = Plots.forRun(run);
        for (Plot p : plots) {
            Path f = outDir.resolve("plots").resolve(p.fileName());
            Files.write(f, p.png());
            files.add(f);
        }
        Optional<CellDiagram> diagram = run.genotype().map(CellDiagram::of);
        if (diagram.isPresent()) {
            Path svg = outDir.resolve("cells.svg");
            Files.writeString(svg, diagram.get().svg(true, "cd"), StandardCharsets.UTF_8);
            files.add(svg);
        }
        Files.writeString(html, html(run, plots, diagram), StandardCharsets.UTF_8);
        LOG.info(
                "Report of {} written to {} ({} plots, {} epochs, {} cycles)",
                runDir,
                html,
                plots.size(),
                run.epochs().size(),
                run.pools().size());
        return new Written(html, files, run);
    }

    /** Returns the name shown for a run: its folder name. */
    static String name(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    }

    private static String html(RunFolder run, List<Plot> plots, Optional<CellDiagram> diagram) {
        boolean search = run.kind() == RunFolder.Kind.SEARCH;
        String name = name(run.dir());
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<title>prdarts ")
                .append(search ? "search" : "training")
                .append(" report: ")
                .append(Html.esc(name))
                .append("</title>\n<style>\n")
                .append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>")
                .append(search ? "Search" : "Training")
                .append(" run <span class=\"mono\">")
                .append(Html.esc(name))
                .append("</span></h1>\n");
        h.append(status(run));
        h.append("<nav><a href=\"#summary\">Summary</a><a href=\"#genotype\">")
                .append(search ? "Final genotype" : "Genotype")
                .append("</a><a href=\"#plots\">Plots</a>");
        if (search) {
            h.append("<a href=\"#pools\">Pools per cycle</a>");
        }
        h.append("<a href=\"#config\">Configuration</a></nav>\n");
        if (!run.notes().isEmpty()) {
            h.append("<div class=\"notes\"><ul>");
            for (String n : run.notes()) {
                h.append("<li>").append(Html.esc(n)).append("</li>");
            }
            h.append("</ul></div>\n");
        }
        summary(h, run);
        genotype(h, run, diagram, search);
        plotsSection(h, plots);
        if (search) {
            pools(h, run);
        }
        h.append("<h2 id=\"config\">Configuration</h2>\n");
        if (run.config().isPresent()) {
            h.append("<pre class=\"config\">")
                    .append(Html.esc(run.config().get()))
                    .append("</pre>\n");
        } else {
            h.append("<p>config.toml has not been written.</p>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String status(RunFolder run) {
        int epochs = run.epochs().size();
        if (run.finished()) {
            return "<p class=\"status finished\">Finished: "
                    + epochs
                    + " epochs"
                    + (run.kind() == RunFolder.Kind.SEARCH
                            ? ", " + run.pools().size() + " cycles"
                            : "")
                    + ".</p>\n";
        }
        return "<p class=\"status running\">Still running or interrupted: showing what exists ("
                + epochs
                + " epochs"
                + (run.kind() == RunFolder.Kind.SEARCH
                        ? ", " + run.pools().size() + " finished cycles, no final genotype yet"
                        : ", no result yet")
                + ").</p>\n";
    }

    private static void summary(StringBuilder h, RunFolder run) {
        List<EpochMetrics> epochs = run.epochs();
        h.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n");
        row(h, "folder", "<span class=\"mono\">" + Html.esc(run.dir().toString()) + "</span>");
        row(h, "kind", run.kind() == RunFolder.Kind.SEARCH ? "search" : "training");
        row(h, "epochs recorded", Integer.toString(epochs.size()));
        if (run.kind() == RunFolder.Kind.SEARCH) {
            row(h, "cycles finished", Integer.toString(run.pools().size()));
        }
        if (!epochs.isEmpty()) {
            EpochMetrics last = epochs.get(epochs.size() - 1);
            String held = run.kind() == RunFolder.Kind.SEARCH ? "valid" : "test";
            row(h, "last train accuracy", Html.pct(last.trainAcc()));
            Double lastHeld = null;
            Double bestHeld = null;
            double seconds = 0;
            for (EpochMetrics e : epochs) {
                if (e.heldOutAcc() != null) {
                    lastHeld = e.heldOutAcc();
                    bestHeld = bestHeld == null ? lastHeld : Math.max(bestHeld, lastHeld);
                }
                seconds += e.seconds() == null ? 0 : e.seconds();
            }
            row(h, "last " + held + " accuracy", Html.pct(lastHeld));
            row(h, "best " + held + " accuracy", Html.pct(bestHeld));
            row(h, "time (sum of epochs)", Html.duration(seconds));
        }
        for (Map.Entry<String, String> r : run.result().entrySet()) {
            row(
                    h,
                    "result: " + r.getKey(),
                    "<span class=\"mono\">" + Html.esc(r.getValue()) + "</span>");
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String key, String htmlValue) {
        h.append("<tr><th>")
                .append(Html.esc(key))
                .append("</th><td>")
                .append(htmlValue)
                .append("</td></tr>\n");
    }

    private static void genotype(
            StringBuilder h, RunFolder run, Optional<CellDiagram> diagram, boolean search) {
        h.append("<h2 id=\"genotype\">")
                .append(search ? "Final genotype" : "Genotype")
                .append("</h2>\n");
        if (run.genotype().isEmpty()) {
            h.append("<p>")
                    .append(search ? "genotype.json" : "model/genotype.json")
                    .append(" has not been written yet.</p>\n");
            return;
        }
        h.append("<pre class=\"genotype\">")
                .append(Html.esc(GenotypeText.format(run.genotype().get())))
                .append("</pre>\n");
        h.append("<div class=\"diagram\">")
                .append(diagram.orElseThrow().svg(false, "run"))
                .append("</div>\n<p class=\"mono\"><a href=\"cells.svg\">cells.svg</a></p>\n");
    }

    private static void plotsSection(StringBuilder h, List<Plot> plots) {
        h.append("<h2 id=\"plots\">Plots</h2>\n");
        if (plots.isEmpty()) {
            h.append("<p>No epoch has been recorded yet.</p>\n");
        }
        for (Plot p : plots) {
            figure(h, p);
        }
    }

    static void figure(StringBuilder h, Plot p) {
        h.append("<figure id=\"plot-")
                .append(p.name())
                .append("\"><img data-plot=\"")
                .append(p.name())
                .append("\" alt=\"")
                .append(Html.esc(p.title()))
                .append("\" src=\"")
                .append(Html.dataUri(p.png()))
                .append("\"><figcaption>")
                .append(Html.esc(p.title()))
                .append(" (<a href=\"plots/")
                .append(p.fileName())
                .append("\">")
                .append(p.fileName())
                .append("</a>)</figcaption></figure>\n");
    }

    private static void pools(StringBuilder h, RunFolder run) {
        h.append("<h2 id=\"pools\">Pools per cycle</h2>\n");
        if (run.pools().isEmpty()) {
            h.append("<p>No cycle has finished yet.</p>\n");
            return;
        }
        h.append(
                "<p class=\"legend\"><span class=\"cand new\">new: morphed at the end of the"
                        + " previous cycle</span><span class=\"cand parent\">parent of a new"
                        + " candidate</span><span class=\"cand dropped\">dropped by"
                        + " pruning</span><span class=\"cand best\">highest weight</span></p>\n");
        h.append("<p>Candidates are sorted by their softmax weight at the end of the cycle.</p>\n");
        for (CyclePools c : run.pools()) {
            h.append("<section class=\"cycle\" id=\"cycle-").append(c.cycle()).append("\">\n");
            h.append("<h3>Cycle ").append(c.cycle()).append("</h3>\n<p>");
            if (c.epochs() != null) {
                h.append(c.epochs()).append(" epochs; ");
            }
            if (c.kept() != null) {
                h.append("kept ").append(c.kept()).append(" candidates per edge; ");
            }
            if (c.morphs() != null) {
                h.append(c.morphs()).append(" morphs per edge");
            }
            h.append("</p>\n");
            for (CellType type : CellType.values()) {
                CyclePools.CellPools cell = c.cells().get(type);
                if (cell != null) {
                    cellPools(h, c.cycle(), type, cell);
                }
            }
            h.append("</section>\n");
        }
    }

    private static void cellPools(
            StringBuilder h, int cycle, CellType type, CyclePools.CellPools cell) {
        h.append("<h4>")
                .append(type == CellType.NORMAL ? "Normal" : "Reduction")
                .append(" cell</h4>\n<p>");
        List<String> facts = new ArrayList<>();
        if (!cell.share().isEmpty()) {
            List<String> parts = new ArrayList<>();
            cell.share().forEach((k, v) -> parts.add(k + " " + Html.pct(v)));
            facts.add("share: " + String.join(", ", parts));
        }
        if (!cell.kernels().isEmpty()) {
            List<String> parts = new ArrayList<>();
            cell.kernels().forEach((k, v) -> parts.add(k + "x" + k + ": " + v));
            facts.add("kernels: " + String.join(", ", parts));
        }
        if (cell.similarity() != null) {
            facts.add("mean similarity " + Html.num(cell.similarity(), 3));
        }
        if (cell.distinctSeen() != null) {
            facts.add("distinct candidates seen " + cell.distinctSeen());
        }
        h.append(Html.esc(String.join("; ", facts))).append("</p>\n");
        h.append("<table class=\"pools\" id=\"pools-")
                .append(cycle)
                .append('-')
                .append(type.key())
                .append("\">\n<tr><th>edge</th><th>node \u2190 input</th>")
                .append("<th>pool at the end of the cycle (weight)</th>")
                .append("<th>pool of the next cycle</th><th>similarity</th></tr>\n");
        for (CyclePools.Edge e : cell.edges()) {
            h.append("<tr><td>")
                    .append(e.edge())
                    .append("</td><td class=\"mono\">")
                    .append(e.node())
                    .append(" \u2190 ")
                    .append(e.input())
                    .append("</td><td>");
            Set<String> parents = new HashSet<>();
            for (CyclePools.Candidate cand : e.pool()) {
                if (cand.isNew() && cand.parent() != null) {
                    parents.add(cand.parent());
                }
            }
            CyclePools.Candidate best = e.best();
            List<CyclePools.Candidate> sorted = new ArrayList<>(e.pool());
            sorted.sort((a, b) -> Double.compare(b.weight(), a.weight()));
            for (CyclePools.Candidate cand : sorted) {
                StringBuilder cls = new StringBuilder("cand kind-");
                cls.append(cand.kind().name().toLowerCase(Locale.ROOT));
                if (cand == best) {
                    cls.append(" best");
                }
                if (cand.isNew()) {
                    cls.append(" new");
                }
                if (parents.contains(cand.op())) {
                    cls.append(" parent");
                }
                if (Boolean.FALSE.equals(cand.kept())) {
                    cls.append(" dropped");
                }
                h.append("<div class=\"")
                        .append(cls)
                        .append("\"><span class=\"w\">")
                        .append(Html.num(cand.weight(), 3))
                        .append("</span><span class=\"bar\" style=\"width:")
                        .append(String.format(Locale.ROOT, "%.0f", 60 * cand.weight()))
                        .append("px\"></span><span class=\"op\">")
                        .append(Html.esc(cand.op()))
                        .append("</span>");
                if (cand.isNew() && cand.parent() != null) {
                    h.append("<span class=\"from\">\u2190 ")
                            .append(Html.esc(cand.parent()))
                            .append("</span>");
                }
                h.append("</div>");
            }
            h.append("</td><td>");
            if (e.next().isEmpty()) {
                h.append("\u2014");
            }
            for (CyclePools.Next n : e.next()) {
                boolean morphed = n.parent() != null;
                h.append("<div class=\"cand kind-")
                        .append(OpConfig.parse(n.op()).kind().name().toLowerCase(Locale.ROOT))
                        .append(morphed ? " new" : "")
                        .append("\"><span class=\"op\">")
                        .append(Html.esc(n.op()))
                        .append("</span>");
                if (morphed) {
                    h.append("<span class=\"from\">\u2190 ")
                            .append(Html.esc(n.parent()))
                            .append(n.morph() == null ? "" : " (" + Html.esc(n.morph()) + ")")
                            .append("</span>");
                }
                h.append("</div>");
            }
            h.append("</td><td>").append(Html.num(e.similarity(), 3)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
