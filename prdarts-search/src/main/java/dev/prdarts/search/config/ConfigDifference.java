package dev.prdarts.search.config;

import com.moandjiezana.toml.Toml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One setting in which two search configurations differ, for example when a run is resumed with
 * other settings than it was started with.
 *
 * @param key the dotted key, for example {@code search.space} or {@code cycles[2].epochs}
 * @param before the value in the first configuration (the run's), as TOML would show it
 * @param after the value in the second configuration (the given one)
 */
public record ConfigDifference(String key, String before, String after) {

    /**
     * The keys that say where a search runs rather than what it computes; a resumed run may change
     * them.
     */
    public static final Set<String> HARDWARE_KEYS =
            Set.of("device", "threads", "batch.memory_budget");

    /** Creates a difference; no part may be null. */
    public ConfigDifference {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * Returns every setting in which {@code after} differs from {@code before}, ordered by key
     * (numbers in keys by value, so {@code cycles[2]} comes before {@code cycles[10]}).
     */
    public static List<ConfigDifference> between(SearchConfig before, SearchConfig after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        List<ConfigDifference> out = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.getOrDefault(e.getKey(), "(none)");
            if (!other.equals(e.getValue())) {
                out.add(new ConfigDifference(e.getKey(), e.getValue(), other));
            }
        }
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new ConfigDifference(e.getKey(), "(none)", e.getValue()));
            }
        }
        return out;
    }

    /** Returns whether this setting only says where the search runs (device, threads, memory). */
    public boolean hardware() {
        return HARDWARE_KEYS.contains(key);
    }

    /** Returns a phrase such as {@code search.space: DL in the run, DR now}. */
    public String describe() {
        return key + ": " + before + " in the run, " + after + " now";
    }

    /** Returns every setting as dotted key and TOML-like value, cycles as {@code cycles[i].k}. */
    private static Map<String, String> flatten(SearchConfig config) {
        Map<String, Object> tree = new Toml().read(SearchConfigToml.write(config)).toMap();
        Map<String, String> flat = new TreeMap<>(ConfigDifference::compareKeys);
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, String> out) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> table) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sub = (Map<String, Object>) table;
                flatten(key + ".", sub, out);
            } else if (v instanceof List<?> list
                    && !list.isEmpty()
                    && list.get(0) instanceof Map<?, ?>) {
                out.put(key, String.valueOf(list.size()));
                for (int i = 0; i < list.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> sub = (Map<String, Object>) list.get(i);
                    flatten(key + "[" + (i + 1) + "].", sub, out);
                }
            } else if (v instanceof String s) {
                out.put(key, "\"" + s + "\"");
            } else {
                out.put(key, String.valueOf(v));
            }
        }
    }

    /** Compares keys as text, except that runs of digits compare by their value. */
    private static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i2 = i;
                while (i2 < a.length() && Character.isDigit(a.charAt(i2))) {
                    i2++;
                }
                int j2 = j;
                while (j2 < b.length() && Character.isDigit(b.charAt(j2))) {
                    j2++;
                }
                int c =
                        new java.math.BigInteger(a.substring(i, i2))
                                .compareTo(new java.math.BigInteger(b.substring(j, j2)));
                if (c != 0) {
                    return c;
                }
                i = i2;
                j = j2;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
