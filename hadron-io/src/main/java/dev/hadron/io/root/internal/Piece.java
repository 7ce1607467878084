package dev.hadron.io.root.internal;

import java.util.List;

/**
 * One decoded basket slice of a variable-length column: values (a primitive array) and per-entry
 * counts, or objects (strings, lists, leaf-list columns), and for nested vectors the inner list sizes.
 */
record Piece(Object values, int count, long[] counts, List<Object> objects, long[] innerCounts) {
}
