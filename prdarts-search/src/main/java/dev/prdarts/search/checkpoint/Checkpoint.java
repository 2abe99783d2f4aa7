package dev.prdarts.search.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of one checkpoint file: JSON metadata (positions, pools, random states, metrics rows,
 * configuration) and named arrays (weights, buffers, alphas, optimizer states).
 */
public final class Checkpoint {

    private final ObjectNode metadata;
    private final Map<String, StoredTensor> tensors;

    /**
     * Creates a checkpoint.
     *
     * @param metadata the JSON metadata; kept as it is, not copied
     * @param tensors the arrays, in the order they are written
     * @throws IllegalArgumentException if two tensors share a name
     */
    public Checkpoint(ObjectNode metadata, Collection<StoredTensor> tensors) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        Map<String, StoredTensor> map = new LinkedHashMap<>();
        for (StoredTensor t : tensors) {
            if (map.put(t.name(), t) != null) {
                throw new IllegalArgumentException(
                        "checkpoint holds two tensors named " + t.name());
            }
        }
        this.tensors = Collections.unmodifiableMap(map);
    }

    /** Returns the JSON metadata. */
    public ObjectNode metadata() {
        return metadata;
    }

    /** Returns every tensor by name, in file order. */
    public Map<String, StoredTensor> tensors() {
        return tensors;
    }

    /**
     * Returns the tensors whose names start with {@code prefix}, keyed by the rest of the name, in
     * file order.
     */
    public Map<String, StoredTensor> withPrefix(String prefix) {
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                out.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }

    /** Returns the number of value bytes of all tensors. */
    public long tensorBytes() {
        long n = 0;
        for (StoredTensor t : tensors.values()) {
            n += t.byteSize();
        }
        return n;
    }
}
