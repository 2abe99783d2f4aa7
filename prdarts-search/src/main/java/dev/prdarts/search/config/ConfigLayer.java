package dev.prdarts.search.config;

import dev.prdarts.api.schedule.CycleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked keys of one source of a search config (a preset, a file or the options), with its
 * place in the order the layers are merged.
 */
final class ConfigLayer {

    /** Where the values come from, as error messages name it. */
    final String source;

    /** The checked values by flat key ({@code batch.min}). */
    final Map<String, Object> values = new LinkedHashMap<>();

    /** The cycles this layer sets, or null. */
    List<CycleSpec> cycles;

    /** The layer's place in the merge order: later layers override earlier ones. */
    int index;

    ConfigLayer(String source) {
        this.source = source;
    }
}
