package dev.hadron.io.root;

import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * One step of {@link RootTree#iterate}: the entries {@code [entryStart, entryStop)} of the requested
 * branches. Values are {@link Tensor}s (fixed-size branches), {@link Jagged} (variable-length),
 * {@code List<String>} (strings), {@code List<List<String>>}, {@link NestedJagged} or, for leaf lists,
 * {@code Map<String, Tensor>}.
 *
 * @param entryStart first entry of the chunk
 * @param entryStop  one past the last entry
 * @param columns    values by branch name, in the order requested
 */
public record TreeChunk(long entryStart, long entryStop, Map<String, Object> columns) {

    /** Number of entries in the chunk. */
    public int numEntries() {
        return (int) (entryStop - entryStart);
    }

    /** The values of a branch, whatever their kind. */
    public Object get(String branch) {
        Object o = columns.get(branch);
        if (o == null && !columns.containsKey(branch)) {
            throw new IllegalArgumentException("branch '" + branch + "' was not requested; this chunk has "
                    + columns.keySet());
        }
        return o;
    }

    /** A fixed-size branch as a tensor. */
    public Tensor array(String branch) {
        if (get(branch) instanceof Tensor t) {
            return t;
        }
        throw new IllegalArgumentException("branch '" + branch + "' is not a fixed-size numeric branch");
    }

    /** A variable-length branch as a Jagged. */
    public Jagged jagged(String branch) {
        if (get(branch) instanceof Jagged j) {
            return j;
        }
        throw new IllegalArgumentException("branch '" + branch + "' is not a variable-length numeric branch");
    }

    /** A string branch. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String branch) {
        if (get(branch) instanceof List<?> l && (l.isEmpty() || l.get(0) instanceof String)) {
            return (List<String>) l;
        }
        throw new IllegalArgumentException("branch '" + branch + "' is not a string branch");
    }
}
