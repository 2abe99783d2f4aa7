package dev.prdarts.cli.report;

import dev.prdarts.api.genotype.CellType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the charts of a run folder and of a comparison with JFreeChart, as PNG.
 *
 * <p>Search runs get accuracy and loss per epoch with the cycle boundaries marked, batch size and
 * seconds per epoch, the candidate mix and pool similarity per cycle for each cell type, and the
 * distinct candidates seen per cell type. Training runs get the per-epoch charts.
 */
public final class Plots {

    static final int WIDTH = 960;
    static final int HEIGHT = 420;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x17becf)
    };

    private Plots() {}

    /**
     * Returns the charts a run folder supports, in report order; empty when nothing is recorded.
     */
    public static List<Plot> forRun(RunFolder run) {
        List<Plot> plots = new ArrayList<>();
        List<EpochMetrics> epochs = run.epochs();
        boolean search = run.kind() == RunFolder.Kind.SEARCH;
        String heldOut = search ? "valid" : "test";
        if (!epochs.isEmpty()) {
            plots.add(
                    xy(
                            "accuracy",
                            "Accuracy per epoch",
                            "accuracy (%)",
                            epochs,
                            Map.of(
                                    "train",
                                    e -> pct(e.trainAcc()),
                                    heldOut,
                                    e -> pct(e.heldOutAcc())),
                            List.of("train", heldOut)));
            plots.add(
                    xy(
                            "loss",
                            "Loss per epoch",
                            "cross-entropy loss",
                            epochs,
                            Map.of(
                                    "train",
                                    EpochMetrics::trainLoss,
                                    heldOut,
                                    EpochMetrics::heldOutLoss),
                            List.of("train", heldOut)));
            plots.add(batchAndSeconds(epochs));
        }
        if (!run.pools().isEmpty()) {
            for (CellType type : CellType.values()) {
                if (run.pools().stream().anyMatch(p -> p.cells().containsKey(type))) {
                    plots.add(candidateMix(run.pools(), type));
                }
            }
            plots.add(distinctSeen(run.pools()));
        }
        return plots;
    }

    /**
     * Returns the comparison charts of several runs: held-out accuracy, training accuracy and
     * training loss, one series per run on shared axes.
     *
     * @param runs the runs by the name shown in legends, in legend order
     */
    public static List<Plot> compare(Map<String, RunFolder> runs) {
        List<Plot> plots = new ArrayList<>();
        plots.add(
                compareXy(
                        "compare-heldout-accuracy",
                        "Held-out accuracy per epoch (valid for searches, test for training)",
                        "accuracy (%)",
                        runs,
                        e -> pct(e.heldOutAcc())));
        plots.add(
                compareXy(
                        "compare-train-accuracy",
                        "Training accuracy per epoch",
                        "accuracy (%)",
                        runs,
                        e -> pct(e.trainAcc())));
        plots.add(
                compareXy(
                        "compare-train-loss",
                        "Training loss per epoch",
                        "cross-entropy loss",
                        runs,
                        EpochMetrics::trainLoss));
        return plots;
    }

    private static Double pct(Double fraction) {
        return fraction == null ? null : 100 * fraction;
    }

    private static Plot xy(
            String name,
            String title,
            String yLabel,
            List<EpochMetrics> epochs,
            Map<String, Function<EpochMetrics, Double>> series,
            List<String> order) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String key : order) {
            data.addSeries(series(key, epochs, series.get(key)));
        }
        NumberAxis x = epochAxis();
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, lineRenderer(data.getSeriesCount()));
        markCycles(plot, epochs);
        return render(name, title, plot);
    }

    private static XYSeries series(
            String key, List<EpochMetrics> epochs, Function<EpochMetrics, Double> value) {
        XYSeries s = new XYSeries(key, true, true);
        for (EpochMetrics e : epochs) {
            Double v = value.apply(e);
            if (v != null) {
                s.addOrUpdate((double) e.x(), v.doubleValue());
            }
        }
        return s;
    }

    private static Plot batchAndSeconds(List<EpochMetrics> epochs) {
        XYSeriesCollection batch = new XYSeriesCollection();
        batch.addSeries(
                series(
                        "batch size",
                        epochs,
                        e -> e.batchSize() == null ? null : (double) e.batchSize()));
        XYSeriesCollection seconds = new XYSeriesCollection();
        seconds.addSeries(series("seconds per epoch", epochs, EpochMetrics::seconds));

        NumberAxis batchAxis = new NumberAxis("batch size (largest in epoch)");
        batchAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(batch, epochAxis(), batchAxis, lineRenderer(1, 0));
        NumberAxis secondsAxis = new NumberAxis("seconds per epoch");
        secondsAxis.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, secondsAxis);
        plot.setDataset(1, seconds);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, lineRenderer(1, 1));
        markCycles(plot, epochs);
        return render("batch-seconds", "Batch size and seconds per epoch", plot);
    }

    private static Plot candidateMix(List<CyclePools> pools, CellType type) {
        DefaultCategoryDataset share = new DefaultCategoryDataset();
        DefaultCategoryDataset similarity = new DefaultCategoryDataset();
        String[] families = {"conv", "pool", "skip", "zero"};
        for (CyclePools c : pools) {
            CyclePools.CellPools cell = c.cells().get(type);
            if (cell == null) {
                continue;
            }
            String cat = Integer.toString(c.cycle());
            for (String f : families) {
                Double v = cell.share().get(f);
                share.addValue(v == null ? 0.0 : 100 * v, f, cat);
            }
            if (cell.similarity() != null) {
                similarity.addValue(cell.similarity(), "similarity (right axis)", cat);
            }
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.12);
        Color[] familyColors = {
            Color.decode(CellDiagram.color(dev.prdarts.api.ops.OpKind.CONV)),
            Color.decode(CellDiagram.color(dev.prdarts.api.ops.OpKind.POOL)),
            Color.decode(CellDiagram.color(dev.prdarts.api.ops.OpKind.SKIP)),
            Color.decode(CellDiagram.color(dev.prdarts.api.ops.OpKind.ZERO))
        };
        for (int i = 0; i < familyColors.length; i++) {
            bars.setSeriesPaint(i, familyColors[i]);
        }
        NumberAxis shareAxis = new NumberAxis("share of candidates (%)");
        shareAxis.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(share, new CategoryAxis("cycle"), shareAxis, bars);
        NumberAxis simAxis = new NumberAxis("mean pool similarity");
        simAxis.setRange(0, 1);
        plot.setRangeAxis(1, simAxis);
        plot.setDataset(1, similarity);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, Color.BLACK);
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        style(plot);
        String cell = type == CellType.NORMAL ? "Normal" : "Reduction";
        return render(
                "pools-" + type.key(),
                cell + " cell: candidate mix and pool similarity per cycle",
                plot);
    }

    private static Plot distinctSeen(List<CyclePools> pools) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CyclePools c : pools) {
            for (CellType type : CellType.values()) {
                CyclePools.CellPools cell = c.cells().get(type);
                if (cell != null && cell.distinctSeen() != null) {
                    data.addValue(
                            cell.distinctSeen(),
                            type == CellType.NORMAL ? "normal cell" : "reduction cell",
                            Integer.toString(c.cycle()));
                }
            }
        }
        NumberAxis y = new NumberAxis("distinct candidates seen so far");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, PALETTE[0]);
        r.setSeriesStroke(0, new BasicStroke(3f));
        r.setSeriesPaint(1, PALETTE[1]);
        r.setSeriesStroke(
                1,
                new BasicStroke(
                        2f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10,
                        new float[] {6, 4},
                        0));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("cycle"), y, r);
        style(plot);
        return render("distinct", "Distinct candidates seen per cell type", plot);
    }

    private static Plot compareXy(
            String name,
            String title,
            String yLabel,
            Map<String, RunFolder> runs,
            Function<EpochMetrics, Double> value) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, RunFolder> run : runs.entrySet()) {
            data.addSeries(series(run.getKey(), run.getValue().epochs(), value));
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, epochAxis(), y, lineRenderer(data.getSeriesCount()));
        return render(name, title, plot);
    }

    private static NumberAxis epochAxis() {
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        return x;
    }

    private static XYLineAndShapeRenderer lineRenderer(int series) {
        return lineRenderer(series, 0);
    }

    private static XYLineAndShapeRenderer lineRenderer(int series, int firstColor) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, PALETTE[(firstColor + i) % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        return r;
    }

    /** Draws a dashed line before the first epoch of every cycle after the first. */
    private static void markCycles(XYPlot plot, List<EpochMetrics> epochs) {
        Map<Integer, Integer> firstEpoch = new LinkedHashMap<>();
        for (EpochMetrics e : epochs) {
            if (e.cycle() != null) {
                firstEpoch.merge(e.cycle(), e.x(), Math::min);
            }
        }
        for (Map.Entry<Integer, Integer> c : firstEpoch.entrySet()) {
            ValueMarker m = new ValueMarker(c.getValue() - 0.5);
            m.setPaint(new Color(0x888888));
            m.setStroke(
                    new BasicStroke(
                            1f,
                            BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER,
                            10,
                            new float[] {5, 4},
                            0));
            m.setLabel("cycle " + c.getKey());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
    }

    private static Plot render(String name, String title, XYPlot plot) {
        style(plot);
        return render(
                name,
                title,
                new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true));
    }

    private static Plot render(String name, String title, CategoryPlot plot) {
        return render(
                name,
                title,
                new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true));
    }

    private static Plot render(String name, String title, JFreeChart chart) {
        chart.setBackgroundPaint((Paint) Color.WHITE);
        try {
            byte[] png = ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
            return new Plot(name, title, png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart " + name + " as PNG", e);
        }
    }
}
