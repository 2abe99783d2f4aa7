package dev.prdarts.search.stats;

import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.search.pools.EdgeOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code pools/cycle-N.json} records about one finished cycle.
 *
 * @param cycle the 1-based cycle number
 * @param spec the cycle's schedule entry
 * @param last whether it was the schedule's last cycle (then no next pool is written)
 * @param edges the prune-and-replace outcome of every edge, per cell type
 * @param statistics the statistics of the trained pools, per cell type
 */
public record CycleReport(
        int cycle,
        CycleSpec spec,
        boolean last,
        Map<CellType, List<EdgeOutcome>> edges,
        Map<CellType, CellStatistics> statistics) {

    /** Creates a report; the maps are copied. */
    public CycleReport {
        edges = new EnumMap<>(edges);
        statistics = new EnumMap<>(statistics);
    }
}
