package dev.prdarts.search.config;

import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.schedule.Schedule;
import dev.prdarts.search.pools.InitialCatalog;
import java.util.Map;

/**
 * The rules between keys of a search config, checked once its layers are merged. Each error names
 * the layer (preset, file or options) that set the value last, and the other value with its source
 * when that differs.
 */
final class CrossKeyRules {

    private CrossKeyRules() {}

    /**
     * Checks that no cycle keeps more candidates than it can have: {@code kept} is the pool size
     * after pruning and replacing (DESIGN section 5), so it is at most the pool size before the
     * cycle (the catalog's size for the first cycle, the previous {@code kept} after that) plus the
     * cycle's {@code morphs}.
     */
    static void checkPoolSizes(
            Schedule schedule,
            InitialCatalog catalog,
            ConfigLayer cyclesLayer,
            ConfigLayer catalogLayer)
            throws ConfigException {
        int pool = catalog.ops().size();
        String poolText =
                "catalog "
                        + catalog.key()
                        + " has "
                        + pool
                        + (catalogLayer == cyclesLayer ? "" : ", from " + catalogLayer.source);
        for (int i = 0; i < schedule.cycles().size(); i++) {
            CycleSpec c = schedule.cycles().get(i);
            if (c.kept() > pool + c.morphs()) {
                ConfigLayer later =
                        catalogLayer.index > cyclesLayer.index ? catalogLayer : cyclesLayer;
                throw new ConfigException(
                        later.source
                                + ": cycles["
                                + i
                                + "].kept must be <= the pool size before the cycle plus its"
                                + " morphs ("
                                + pool
                                + " + "
                                + c.morphs()
                                + " = "
                                + (pool + c.morphs())
                                + "; "
                                + poolText
                                + "), got "
                                + c.kept());
            }
            pool = c.kept();
            poolText = "cycles[" + i + "].kept is " + pool;
        }
    }

    /**
     * Checks that the validated last epochs of every cycle lie after its grace epochs: the runner
     * validates the last {@code search.valid_epochs} epochs, and a larger value would validate
     * grace epochs, in which alpha does not train.
     */
    static void checkValidEpochs(
            Schedule schedule, int validEpochs, ConfigLayer cyclesLayer, ConfigLayer validLayer)
            throws ConfigException {
        for (int i = 0; i < schedule.cycles().size(); i++) {
            CycleSpec c = schedule.cycles().get(i);
            int searching = c.epochs() - c.graceEpochs();
            if (validEpochs <= searching) {
                continue;
            }
            String cycle =
                    "cycles["
                            + i
                            + "] has "
                            + searching
                            + " (epochs "
                            + c.epochs()
                            + " - grace "
                            + c.graceEpochs()
                            + ")";
            if (validLayer.index >= cyclesLayer.index) {
                throw new ConfigException(
                        validLayer.source
                                + ": key 'search.valid_epochs' must be <= the non-grace epochs of"
                                + " every cycle, so that no grace epoch is validated; "
                                + cycle
                                + (cyclesLayer == validLayer ? "" : ", from " + cyclesLayer.source)
                                + ", got "
                                + validEpochs);
            }
            throw new ConfigException(
                    cyclesLayer.source
                            + ": every cycle needs at least search.valid_epochs ("
                            + validEpochs
                            + ", from "
                            + validLayer.source
                            + ") non-grace epochs, so that no grace epoch is validated; "
                            + cycle);
        }
    }

    /**
     * Returns the error for two keys whose values break {@code key rule other}. It names the key of
     * the later layer ({@code key} when both come from the same one) and gives the other key's
     * value with its source when that differs, so a value that came from a preset or file is not
     * mistaken for one the user gave.
     */
    static ConfigException outOfOrder(
            Map<String, ConfigLayer> origin,
            String key,
            Object value,
            String rule,
            String other,
            Object otherValue) {
        ConfigLayer layer = origin.get(key);
        ConfigLayer otherLayer = origin.get(other);
        if (otherLayer.index > layer.index) {
            return outOfOrder(
                    origin, other, otherValue, rule.equals(">=") ? "<=" : ">=", key, value);
        }
        String from = otherLayer == layer ? "" : ", from " + otherLayer.source;
        return new ConfigException(
                layer.source
                        + ": key '"
                        + key
                        + "' must be "
                        + rule
                        + " "
                        + other
                        + " ("
                        + otherValue
                        + from
                        + "), got "
                        + value);
    }
}
