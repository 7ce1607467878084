package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * A TBranch/TBranchElement's metadata: name, leaves, sub-branches, entry count and where its baskets
 * are (file position, size, first entry of each), validated when built.
 */
public final class BranchModel {
    public final String name;
    public final String title;
    public final String className;
    public final BranchModel parent;
    public final List<BranchModel> children = new ArrayList<>();
    public final List<LeafModel> leaves = new ArrayList<>();
    public final int entryOffsetLen;
    public final long entries;
    public final long totBytes;
    public final long zipBytes;
    public final int streamerType;
    public final int type;
    public final int id;
    public final String elementClass;
    public final int[] basketBytes;
    public final long[] basketEntry;
    public final long[] basketSeek;
    public final int diskBaskets;
    public final List<RObject> embedded = new ArrayList<>();
    public Interpretation interpretation;
    public StreamerElement element;
    public BranchModel countBranch;

    BranchModel(RObject o, BranchModel parent, String file, long treeEntries) {
        this.parent = parent;
        this.name = o.string("fName");
        this.title = o.string("fTitle");
        this.className = o.className();
        this.entryOffsetLen = o.intValue("fEntryOffsetLen", 0);
        this.entries = o.longValue("fEntries", 0);
        this.totBytes = o.longValue("fTotBytes", 0);
        this.zipBytes = o.longValue("fZipBytes", 0);
        this.streamerType = o.intValue("fStreamerType", -1);
        this.type = o.intValue("fType", 0);
        this.id = o.intValue("fID", -1);
        this.elementClass = o.string("fClassName");
        int write = o.intValue("fWriteBasket", 0);
        this.basketBytes = o.get("fBasketBytes") instanceof int[] a ? a : new int[0];
        this.basketEntry = o.get("fBasketEntry") instanceof long[] a ? a : new long[0];
        this.basketSeek = o.get("fBasketSeek") instanceof long[] a ? a : new long[0];
        String where = file + ": branch '" + name + "'";
        if (write < 0 || write > basketBytes.length || write > basketSeek.length || write > basketEntry.length) {
            throw new RootFormatException(where + ": " + write + " baskets written but the basket tables hold "
                    + Math.min(basketBytes.length, Math.min(basketSeek.length, basketEntry.length)));
        }
        this.diskBaskets = write;
        for (Object b : o.list("fBaskets")) {
            if (b instanceof RObject r && r.className().equals("TBasket") && r.has("@data")) {
                embedded.add(r);
            }
        }
        if (entries < 0 || entries > treeEntries && treeEntries >= 0) {
            throw new RootFormatException(where + ": " + entries + " entries, but the tree has " + treeEntries);
        }
        long prev = 0;
        for (int i = 0; i < write; i++) {
            if (basketEntry[i] < prev || basketEntry[i] > entries) {
                throw new RootFormatException(where + ": basket " + i + " starts at entry " + basketEntry[i]
                        + " (expected between " + prev + " and " + entries + ")");
            }
            prev = basketEntry[i];
            if (basketBytes[i] < Keys.MIN_KEY_LENGTH || basketSeek[i] <= 0) {
                throw new RootFormatException(where + ": basket " + i + " has size " + basketBytes[i]
                        + " at byte " + basketSeek[i] + " (expected a positive position and a key-sized record)");
            }
        }
        for (Object l : o.list("fLeaves")) {
            if (l instanceof RObject r) {
                leaves.add(LeafModel.of(r));
            }
        }
        for (Object c : o.list("fBranches")) {
            if (c instanceof RObject r) {
                children.add(new BranchModel(r, this, file, treeEntries));
            }
        }
    }

    /** Number of baskets: those written to disk, then those embedded in the branch. */
    public int numBaskets() {
        return diskBaskets + embedded.size();
    }

    /** First entry of basket {@code i}. */
    public long basketStart(int i) {
        if (i < basketEntry.length) {
            return basketEntry[i];
        }
        return entries;
    }

    /** One past the last entry of basket {@code i}. */
    public long basketStop(int i) {
        if (i + 1 < numBaskets() && i + 1 < basketEntry.length) {
            return basketEntry[i + 1];
        }
        if (i >= diskBaskets) {
            RObject e = embedded.get(i - diskBaskets);
            return basketStart(i) + e.intValue("fNevBuf", 0);
        }
        return entries;
    }

    /** The full path from the tree's top ("parent/child"). */
    public String path() {
        return parent == null ? name : parent.path() + "/" + name;
    }

    @Override
    public String toString() {
        return className + " " + name;
    }
}
