package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A TTree's metadata: name, title, entry count and all branches (depth first), with lookups by name and path. */
public final class TreeModel {
    public final String name;
    public final String title;
    public final long entries;
    public final List<BranchModel> top = new ArrayList<>();
    public final List<BranchModel> all = new ArrayList<>();
    private final Map<String, BranchModel> byName = new LinkedHashMap<>();

    private TreeModel(String name, String title, long entries) {
        this.name = name;
        this.title = title;
        this.entries = entries;
    }

    public static TreeModel build(RObject tree, RootSource src, ObjectReader reader) {
        long entries = tree.longValue("fEntries", -1);
        if (entries < 0) {
            throw new RootFormatException(src.name() + ": tree '" + tree.string("fName") + "' has " + entries
                    + " entries (missing or corrupted fEntries)");
        }
        TreeModel m = new TreeModel(tree.string("fName"), tree.string("fTitle"), entries);
        for (Object o : tree.list("fBranches")) {
            if (o instanceof RObject r) {
                BranchModel b = new BranchModel(r, null, src.name(), entries);
                m.top.add(b);
            }
        }
        Map<String, BranchModel> byLeaf = new HashMap<>();
        for (BranchModel b : m.top) {
            m.add(b, byLeaf);
        }
        Identify.all(m.all, byLeaf, reader);
        return m;
    }

    private void add(BranchModel b, Map<String, BranchModel> byLeaf) {
        all.add(b);
        byName.putIfAbsent(b.name, b);
        byName.putIfAbsent(b.path(), b);
        for (LeafModel l : b.leaves) {
            byLeaf.putIfAbsent(l.name(), b);
        }
        for (BranchModel c : b.children) {
            add(c, byLeaf);
        }
    }

    /** The branch named {@code name} (its own name or its path from the top), or null. */
    public BranchModel branch(String name) {
        return byName.get(name);
    }
}
