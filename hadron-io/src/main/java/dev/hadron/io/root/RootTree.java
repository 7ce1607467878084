package dev.hadron.io.root;

import dev.hadron.io.Column;
import dev.hadron.io.Table;
import dev.hadron.io.root.internal.BasketCache;
import dev.hadron.io.root.internal.BranchModel;
import dev.hadron.io.root.internal.ColumnReader;
import dev.hadron.io.root.internal.Interpretation;
import dev.hadron.io.root.internal.LeafModel;
import dev.hadron.io.root.internal.RootSource;
import dev.hadron.io.root.internal.TreeModel;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A TTree: its entries and branches, read into tensors. Only the requested branches are read, and
 * their baskets are decompressed in parallel on a bounded shared pool; the result does not depend on
 * thread timing.
 *
 * <ul>
 *   <li>{@link #array} — fixed-size numeric branches ({@code x/F}, {@code x[3]/I}, split members) as a
 *       {@link Tensor} of shape (entries, fixed dims...);</li>
 *   <li>{@link #jagged} — variable-length numeric branches (counter-leaf arrays {@code x[n]/F},
 *       {@code std::vector<T>}) as a {@link Jagged};</li>
 *   <li>{@link #strings} — TString, {@code std::string} and {@code char*} branches;</li>
 *   <li>{@link #nested} — {@code std::vector<std::vector<T>>};</li>
 *   <li>{@link #leaves} — leaf lists ({@code "x/D:y/I"}) as one tensor per leaf;</li>
 *   <li>{@link #iterate} — chunks of a fixed number of entries in constant memory;</li>
 *   <li>{@link #table} — branches as the {@link Table} every Hadron reader returns (what
 *       {@code Table.toDataset} turns into training data).</li>
 * </ul>
 *
 * <p>Tensor types: bool → BOOL; int8/uint8/int16/uint16/int32 → INT32; uint32/int64/uint64 → INT64
 * (uint64 keeps its bits, so values ≥ 2^63 read negative); float and Float16_t → FLOAT32; double and
 * Double32_t → FLOAT64.
 *
 * <pre>{@code
 * RootTree t = file.tree("events");
 * Tensor px = t.array("MET_px", 0, 1000);          // entries [0, 1000)
 * for (TreeChunk c : t.iterate(10_000, "Muon_Px", "NMuon")) {
 *     Jagged muons = c.jagged("Muon_Px");
 * }
 * }</pre>
 */
public final class RootTree {
    private final String path;
    private final TreeModel model;
    private final RootSource source;

    RootTree(String path, TreeModel model, RootSource source) {
        this.path = path;
        this.model = model;
        this.source = source;
    }

    /** The tree's name. */
    public String name() {
        return model.name;
    }

    /** The tree's path in the file. */
    public String path() {
        return path;
    }

    /** The tree's title. */
    public String title() {
        return model.title;
    }

    /** Number of entries (events). */
    public long numEntries() {
        return model.entries;
    }

    /** All branch names, depth first (sub-branches of split objects follow their parent), as uproot's {@code keys()}. */
    public List<String> branchNames() {
        List<String> out = new ArrayList<>(model.all.size());
        for (BranchModel b : model.all) {
            out.add(b.name);
        }
        return out;
    }

    /** Every branch with its type, entry count, baskets and sizes. */
    public List<BranchInfo> branches() {
        List<BranchInfo> out = new ArrayList<>();
        for (BranchModel b : model.all) {
            out.add(info(b));
        }
        return out;
    }

    /** One branch's description. */
    public BranchInfo branch(String name) {
        return info(find(name));
    }

    private static BranchInfo info(BranchModel b) {
        List<String> leaves = new ArrayList<>();
        for (LeafModel l : b.leaves) {
            leaves.add(l.name());
        }
        return new BranchInfo(b.name, b.path(), b.interpretation.typeName(),
                !(b.interpretation instanceof Interpretation.Unsupported), b.entries, b.numBaskets(), b.zipBytes,
                b.totBytes, b.className, List.copyOf(leaves), b.title);
    }

    private BranchModel find(String name) {
        BranchModel b = model.branch(name);
        if (b == null) {
            List<String> names = branchNames();
            String list = names.size() <= 40 ? names.toString()
                    : names.subList(0, 40) + " and " + (names.size() - 40) + " more";
            throw new IllegalArgumentException("no branch '" + name + "' in tree '" + model.name + "' of "
                    + source.name() + "; branches are " + list);
        }
        return b;
    }

    private void checkRange(long start, long stop) {
        if (start < 0 || stop < start || stop > model.entries) {
            throw new IllegalArgumentException("entry range [" + start + ", " + stop + ") outside the tree's [0, "
                    + model.entries + ")");
        }
    }

    /** The values of any readable branch over all entries (Tensor, Jagged, strings, ...). */
    public Object read(String branch) {
        return read(branch, 0, model.entries);
    }

    /** The values of any readable branch over the entries {@code [start, stop)}. */
    public Object read(String branch, long start, long stop) {
        checkRange(start, stop);
        int slash = branch.lastIndexOf('/');
        if (model.branch(branch) == null && slash > 0 && model.branch(branch.substring(0, slash)) != null
                && model.branch(branch.substring(0, slash)).interpretation instanceof Interpretation.LeafList) {
            Map<String, Tensor> leaves = leaves(branch.substring(0, slash), start, stop);
            Tensor t = leaves.get(branch.substring(slash + 1));
            if (t == null) {
                throw new IllegalArgumentException("no leaf '" + branch.substring(slash + 1) + "' in leaf list '"
                        + branch.substring(0, slash) + "'; leaves are " + leaves.keySet());
            }
            return t;
        }
        return ColumnReader.start(source, find(branch), start, stop, null).finish();
    }

    /**
     * Several branches over {@code [start, stop)} at once: the baskets of all of them are decompressed
     * together in parallel. Values in the order of {@code branches}.
     */
    public Map<String, Object> arrays(long start, long stop, List<String> branches) {
        return arrays(start, stop, branches, null);
    }

    private Map<String, Object> arrays(long start, long stop, List<String> branches, BasketCache cache) {
        checkRange(start, stop);
        Map<String, ColumnReader.Pending> pending = new LinkedHashMap<>();
        for (String name : branches) {
            pending.put(name, ColumnReader.start(source, find(name), start, stop, cache));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnReader.Pending> e : pending.entrySet()) {
            out.put(e.getKey(), e.getValue().finish());
        }
        return out;
    }

    /** A fixed-size numeric branch over all entries, shape (entries, fixed dims...). */
    public Tensor array(String branch) {
        return array(branch, 0, model.entries);
    }

    /** A fixed-size numeric branch over the entries {@code [start, stop)}. */
    public Tensor array(String branch, long start, long stop) {
        Object o = read(branch, start, stop);
        if (o instanceof Tensor t) {
            return t;
        }
        throw new IllegalArgumentException(kindError(branch, "array", "a fixed-size numeric branch"));
    }

    /** A variable-length numeric branch over all entries. */
    public Jagged jagged(String branch) {
        return jagged(branch, 0, model.entries);
    }

    /** A variable-length numeric branch over the entries {@code [start, stop)}. */
    public Jagged jagged(String branch, long start, long stop) {
        Object o = read(branch, start, stop);
        if (o instanceof Jagged j) {
            return j;
        }
        throw new IllegalArgumentException(kindError(branch, "jagged", "a variable-length numeric branch"));
    }

    /** A string branch (TString, std::string, char*) over all entries. */
    public List<String> strings(String branch) {
        return strings(branch, 0, model.entries);
    }

    /** A string branch over the entries {@code [start, stop)}. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String branch, long start, long stop) {
        if (find(branch).interpretation instanceof Interpretation.Strings) {
            return (List<String>) read(branch, start, stop);
        }
        throw new IllegalArgumentException(kindError(branch, "strings", "a string branch"));
    }

    /** A {@code std::vector<std::string>} branch over all entries. */
    @SuppressWarnings("unchecked")
    public List<List<String>> stringLists(String branch) {
        if (find(branch).interpretation instanceof Interpretation.VectorStrings) {
            return (List<List<String>>) read(branch);
        }
        throw new IllegalArgumentException(kindError(branch, "stringLists", "a std::vector<std::string> branch"));
    }

    /** A {@code std::vector<std::vector<T>>} branch over all entries. */
    public NestedJagged nested(String branch) {
        if (read(branch) instanceof NestedJagged n) {
            return n;
        }
        throw new IllegalArgumentException(kindError(branch, "nested", "a vector-of-vectors branch"));
    }

    /** A leaf-list branch over all entries: one tensor per leaf, in leaf order. */
    public Map<String, Tensor> leaves(String branch) {
        return leaves(branch, 0, model.entries);
    }

    /** A leaf-list branch over the entries {@code [start, stop)}. */
    @SuppressWarnings("unchecked")
    public Map<String, Tensor> leaves(String branch, long start, long stop) {
        BranchModel b = find(branch);
        if (b.interpretation instanceof Interpretation.LeafList) {
            checkRange(start, stop);
            return (Map<String, Tensor>) ColumnReader.start(source, b, start, stop, null).finish();
        }
        throw new IllegalArgumentException(kindError(branch, "leaves", "a leaf-list branch"));
    }

    private String kindError(String branch, String method, String expected) {
        BranchModel b = model.branch(branch);
        String type = b == null ? "a leaf" : b.interpretation.typeName();
        String hint = switch (b == null ? null : b.interpretation) {
            case Interpretation.Numeric n -> "array()";
            case Interpretation.JaggedNumeric j -> "jagged()";
            case Interpretation.Strings s -> "strings()";
            case Interpretation.VectorStrings v -> "stringLists()";
            case Interpretation.NestedVector v -> "nested()";
            case Interpretation.LeafList l -> "leaves() or array(\"" + branch + "/<leaf>\")";
            case null, default -> "read()";
        };
        return "branch '" + branch + "' of tree '" + model.name + "' has type " + type + ", which " + method
                + "() cannot return (it reads " + expected + "); use " + hint;
    }

    /**
     * Every branch a {@link Table} can hold, over all entries: numeric branches (dense or jagged) and
     * strings as columns, each leaf of a leaf list as a column {@code branch/leaf}. Nested vectors,
     * vectors of strings and unreadable branches are left out; read them with {@link #nested},
     * {@link #stringLists} or {@link #read}.
     */
    public Table table() {
        List<String> names = new ArrayList<>();
        for (BranchModel b : model.all) {
            switch (b.interpretation) {
                case Interpretation.Numeric n -> names.add(b.name);
                case Interpretation.JaggedNumeric j -> names.add(b.name);
                case Interpretation.Strings x -> names.add(b.name);
                case Interpretation.LeafList l -> names.add(b.name);
                default -> {
                }
            }
        }
        return table(names, 0, model.entries);
    }

    /** The named branches (names or globs such as {@code "Muon_*"}) over all entries, as a {@link Table}. */
    public Table table(List<String> branches) {
        return table(branches, 0, model.entries);
    }

    /**
     * The named branches (names or globs) over the entries {@code [start, stop)}, as a {@link Table}
     * whose columns are in the order named. The baskets of all branches are decompressed together.
     * A leaf-list branch becomes one column per leaf ({@code branch/leaf}).
     *
     * @throws IllegalArgumentException naming the branch when it does not exist, a glob matches nothing,
     *                                  or its type has no column form (nested vectors, vectors of strings)
     */
    @SuppressWarnings("unchecked")
    public Table table(List<String> branches, long start, long stop) {
        checkRange(start, stop);
        List<String> names = new ArrayList<>();
        for (String n : branches) {
            if (Table.isPattern(n)) {
                List<String> m = Table.matching(n, branchNames());
                if (m.isEmpty()) {
                    throw new IllegalArgumentException("pattern '" + n + "' matches no branch of tree '" + model.name
                            + "'; branches: " + preview(branchNames()));
                }
                m.stream().filter(x -> !names.contains(x)).forEach(names::add);
            } else if (!names.contains(n)) {
                find(n);
                names.add(n);
            }
        }
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : arrays(start, stop, names).entrySet()) {
            String name = e.getKey();
            switch (e.getValue()) {
                case Tensor t -> cols.put(name, Column.of(t));
                case Jagged j -> cols.put(name, Column.of(j));
                case Map<?, ?> leaves -> ((Map<String, Tensor>) leaves)
                        .forEach((leaf, t) -> cols.put(name + "/" + leaf, Column.of(t)));
                case List<?> list when find(name).interpretation instanceof Interpretation.Strings ->
                        cols.put(name, Column.of((List<String>) list));
                default -> throw new IllegalArgumentException("branch '" + name + "' of tree '" + model.name
                        + "' has type " + find(name).interpretation.typeName() + ", which has no table column form; "
                        + "read it with nested(), stringLists() or read()");
            }
        }
        return Table.of(cols);
    }

    private static String preview(List<String> names) {
        return names.size() <= 12 ? names.toString() : names.subList(0, 12) + " ... (" + names.size() + " in all)";
    }

    /**
     * Reads the given branches (all readable ones when none are named) in chunks of {@code step}
     * entries, like uproot's {@code iterate}. Memory stays bounded by one chunk plus at most one basket
     * per branch; every basket is decompressed once.
     */
    public Iterable<TreeChunk> iterate(int step, String... branches) {
        if (step <= 0) {
            throw new IllegalArgumentException("iterate: step must be positive, got " + step);
        }
        List<String> names = new ArrayList<>();
        if (branches.length == 0) {
            for (BranchModel b : model.all) {
                if (!(b.interpretation instanceof Interpretation.Unsupported)) {
                    names.add(b.name);
                }
            }
        } else {
            for (String n : branches) {
                find(n);
                names.add(n);
            }
        }
        long total = model.entries;
        return () -> new Iterator<>() {
            private final BasketCache cache = new BasketCache();
            private long next = 0;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public TreeChunk next() {
                if (next >= total) {
                    throw new NoSuchElementException("iteration over tree '" + model.name + "' is finished");
                }
                long stop = Math.min(total, next + step);
                TreeChunk c = new TreeChunk(next, stop, arrays(next, stop, names, cache));
                next = stop;
                return c;
            }
        };
    }

    @Override
    public String toString() {
        return "RootTree(" + model.name + ", " + model.entries + " entries, " + model.all.size() + " branches)";
    }
}
