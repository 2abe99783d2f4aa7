package dev.prdarts.search.pools;

import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.OpConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pools of every edge of both cell types: what the supernet is built from each cycle. */
public final class CellPools {

    private final Map<CellType, List<EdgePool>> pools = new EnumMap<>(CellType.class);

    /** Creates pools where every edge of both cell types starts with {@code initial}. */
    public CellPools(List<? extends OpConfig> initial) {
        for (CellType type : CellType.values()) {
            List<EdgePool> edges = new ArrayList<>();
            for (int e = 0; e < EdgeIndex.EDGES; e++) {
                edges.add(new EdgePool(initial));
            }
            pools.put(type, List.copyOf(edges));
        }
    }

    /** Returns the 14 edge pools of a cell type, in edge order. */
    public List<EdgePool> edges(CellType type) {
        return pools.get(type);
    }

    /** Returns one edge's pool. */
    public EdgePool edge(CellType type, int edge) {
        return pools.get(type).get(edge);
    }

    /** Returns the operations of every edge of a cell type, in edge and pool order. */
    public List<List<OpConfig>> ops(CellType type) {
        List<List<OpConfig>> ops = new ArrayList<>();
        for (EdgePool p : pools.get(type)) {
            ops.add(p.ops());
        }
        return ops;
    }

    /** Returns the distinct operations any edge of a cell type has held so far. */
    public Set<OpConfig> distinctSeen(CellType type) {
        Set<OpConfig> all = new LinkedHashSet<>();
        for (EdgePool p : pools.get(type)) {
            all.addAll(p.history());
        }
        return all;
    }
}
