package dev.prdarts.search.run;

import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.OpKind;
import dev.prdarts.search.pools.Candidate;
import dev.prdarts.search.pools.CellPools;
import dev.prdarts.search.pools.EdgeOutcome;
import dev.prdarts.search.pools.EdgePool;
import dev.prdarts.search.pools.PruneAndReplace;
import dev.prdarts.search.stats.CellStatistics;
import dev.prdarts.search.stats.EpochMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The INFO lines a search writes per epoch and per cycle, under the runner's logger name. */
final class SearchLog {

    private static final Logger LOG = LoggerFactory.getLogger(SearchRunner.class);

    private SearchLog() {}

    /** Returns the pool size of every edge, {@code "4"} or a range such as {@code "3-6"}. */
    static String poolSizes(CellPools pools) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (CellType type : CellType.values()) {
            for (EdgePool p : pools.edges(type)) {
                min = Math.min(min, p.size());
                max = Math.max(max, p.size());
            }
        }
        return min == max ? String.valueOf(min) : min + "-" + max;
    }

    /** Logs one finished epoch. */
    static void epoch(EpochMetrics m, int cycles, int epochs) {
        String valid =
                m.validAcc() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", valid loss %.4f acc %.1f%%",
                                m.validLoss(),
                                m.validAcc() * 100);
        LOG.info(
                String.format(
                        Locale.ROOT,
                        "cycle %d/%d epoch %d/%d (%s): train loss %.4f acc %.1f%%%s, lr %.5f,"
                                + " batch %d, %d images in %s",
                        m.cycle(),
                        cycles,
                        m.epoch(),
                        epochs,
                        m.phase().key(),
                        m.trainLoss(),
                        m.trainAcc() * 100,
                        valid,
                        m.lr(),
                        m.batchSize(),
                        m.images(),
                        duration(m.seconds())));
    }

    /** Logs what prune and replace did to both cell types at the end of a cycle. */
    static void cycle(
            int cycle,
            Map<CellType, List<EdgeOutcome>> outcomes,
            Map<CellType, CellStatistics> stats,
            boolean last) {
        for (CellType type : CellType.values()) {
            int dropped = 0;
            TreeMap<String, Integer> added = new TreeMap<>();
            for (EdgeOutcome o : outcomes.get(type)) {
                dropped += o.dropped();
                for (Candidate c : o.next()) {
                    if (c.isNew()) {
                        added.merge(c.op().text(), 1, Integer::sum);
                    }
                }
            }
            CellStatistics s = stats.get(type);
            LOG.info(
                    String.format(
                            Locale.ROOT,
                            "cycle %d %s cell: conv %.0f%%, pool %.0f%%, skip %.0f%%, similarity"
                                    + " %.2f, %d distinct ops seen; pruned %d candidates%s",
                            cycle,
                            type.key(),
                            s.share().get(OpKind.CONV) * 100,
                            s.share().get(OpKind.POOL) * 100,
                            s.share().get(OpKind.SKIP) * 100,
                            s.similarity(),
                            s.distinctSeen(),
                            dropped,
                            last || added.isEmpty() ? "" : ", added " + added));
            for (int e = 0; e < outcomes.get(type).size(); e++) {
                EdgeOutcome o = outcomes.get(type).get(e);
                if (o.missingMorphs() > 0) {
                    LOG.info(
                            "cycle {} {} edge {}: {} morph(s) found no new child within {}"
                                    + " attempts",
                            cycle,
                            type.key(),
                            e,
                            o.missingMorphs(),
                            PruneAndReplace.MAX_ATTEMPTS);
                }
            }
        }
    }

    /** Returns {@code seconds} as {@code "12.3 s"} or {@code "4 min 05 s"}. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
