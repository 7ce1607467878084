package dev.hadron.io.root;

import dev.hadron.io.root.internal.DirectoryReader;
import dev.hadron.io.root.internal.FileHeader;
import dev.hadron.io.root.internal.KeyHeader;
import dev.hadron.io.root.internal.Keys;
import dev.hadron.io.root.internal.ObjectReader;
import dev.hadron.io.root.internal.RBuffer;
import dev.hadron.io.root.internal.RObject;
import dev.hadron.io.root.internal.RootSource;
import dev.hadron.io.root.internal.StreamerInfos;
import dev.hadron.io.root.internal.TreeModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ROOT file opened for reading, in pure Java: keys and nested directories, TTrees (see
 * {@link RootTree}) and TH1/TH2/TH3 histograms (see {@link Histogram}). Files written by ROOT 5 and 6,
 * small and large (64-bit) file pointers, and baskets compressed with zlib, LZMA, LZ4 or ZSTD or
 * stored uncompressed are all read.
 *
 * <pre>{@code
 * try (RootFile f = RootFile.open(Path.of("HZZ.root"))) {
 *     f.keys();                                  // [events;1]
 *     RootTree t = f.tree("events");
 *     Tensor met = t.array("MET_px");            // float32, shape (2421)
 *     Jagged muonPx = t.jagged("Muon_Px");       // 2421 events, 3825 muons
 * }
 * }</pre>
 *
 * <p>Opening reads only the header and the top directory; trees, directories and the class layouts
 * (streamer infos) are read on first use. The object is safe to use from several threads.
 */
public final class RootFile implements AutoCloseable {
    private final RootSource source;
    private final FileHeader header;
    private final List<RootKey> keys;
    private final Map<String, DirectoryReader.Entry> entries = new LinkedHashMap<>();
    private ObjectReader reader;

    private RootFile(RootSource source) {
        this.source = source;
        this.header = FileHeader.read(source);
        List<RootKey> out = new ArrayList<>();
        collect(header.begin() + header.nbytesName(), "", out, 0);
        this.keys = List.copyOf(out);
    }

    /**
     * Opens a ROOT file. Throws {@link RootFormatException} when it is not a ROOT file or its header or
     * top directory is damaged, and {@link java.io.UncheckedIOException} when it cannot be read.
     */
    public static RootFile open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such ROOT file: " + path);
        }
        RootSource src = new RootSource(path);
        try {
            return new RootFile(src);
        } catch (RuntimeException e) {
            src.close();
            throw e;
        }
    }

    private void collect(long recordPos, String prefix, List<RootKey> out, int depth) {
        if (depth > 32) {
            throw new RootFormatException(source.name() + ": directories nested more than 32 deep at '" + prefix + "'");
        }
        String what = prefix.isEmpty() ? "top directory" : "directory '" + prefix + "'";
        for (DirectoryReader.Entry e : DirectoryReader.keys(source, recordPos, what)) {
            KeyHeader k = e.key();
            if (k.className().equals("KeysList") || k.className().equals("FreeSegments")
                    || (k.className().equals("TList") && k.name().equals("StreamerInfo") && prefix.isEmpty())) {
                continue;
            }
            String path = prefix + k.name();
            RootKey rk = new RootKey(path, k.cycle(), k.className(), k.title());
            out.add(rk);
            entries.put(rk.nameWithCycle(), e);
            if (rk.isDirectory()) {
                long rec = e.seek() + k.keylen();
                if (rec == recordPos) {
                    throw new RootFormatException(source.name() + ": directory '" + path + "' contains itself");
                }
                collect(rec, path + "/", out, depth + 1);
            }
        }
    }

    /** The file's path. */
    public Path path() {
        return source.path();
    }

    /** The ROOT version that wrote the file, as ROOT encodes it (61804 for 6.18/04). */
    public int rootVersion() {
        return header.version();
    }

    /** The file's default compression setting (algorithm * 100 + level, as in ROOT). */
    public int compression() {
        return header.compress();
    }

    /**
     * All keys, in directory order and recursively, as uproot names them: {@code "name;cycle"} and
     * {@code "dir/name;cycle"}.
     */
    public List<String> keys() {
        List<String> out = new ArrayList<>(keys.size());
        for (RootKey k : keys) {
            out.add(k.nameWithCycle());
        }
        return out;
    }

    /** All keys with their class names and titles. */
    public List<RootKey> keyInfos() {
        return keys;
    }

    /** Class name by key name ({@code "name;cycle"}), as uproot's {@code classnames()}. */
    public Map<String, String> classNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RootKey k : keys) {
            out.put(k.nameWithCycle(), k.className());
        }
        return out;
    }

    /** The key of an object: {@code "name"}, {@code "dir/name"}, optionally with {@code ";cycle"} (default: highest). */
    public RootKey key(String name) {
        String n = name.startsWith("/") ? name.substring(1) : name;
        for (RootKey k : keys) {
            if (k.nameWithCycle().equals(n)) {
                return k;
            }
        }
        int semi = n.lastIndexOf(';');
        String path = semi >= 0 ? n.substring(0, semi) : n;
        Integer cycle = null;
        if (semi >= 0) {
            try {
                cycle = Integer.parseInt(n.substring(semi + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad cycle in key name '" + name + "'; expected name;number");
            }
        }
        RootKey best = null;
        for (RootKey k : keys) {
            if (k.path().equals(path) && (cycle == null ? best == null || k.cycle() > best.cycle() : k.cycle() == cycle)) {
                best = k;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no key '" + name + "' in " + source.name() + "; keys are " + keys());
        }
        return best;
    }

    /** Reads the TTree (or TNtuple) stored under {@code name} ({@code "events"}, {@code "dir/tree;2"}). */
    public RootTree tree(String name) {
        RootKey k = key(name);
        if (!k.className().equals("TTree") && !k.className().startsWith("TNtuple")) {
            throw new IllegalArgumentException("'" + name + "' in " + source.name() + " is a " + k.className()
                    + ", not a TTree");
        }
        RObject o = readObject(k);
        return new RootTree(k.path(), TreeModel.build(o, source, reader()), source);
    }

    /** Reads the TH1/TH2/TH3 histogram stored under {@code name}. */
    public Histogram histogram(String name) {
        RootKey k = key(name);
        if (!k.className().startsWith("TH1") && !k.className().startsWith("TH2") && !k.className().startsWith("TH3")) {
            throw new IllegalArgumentException("'" + name + "' in " + source.name() + " is a " + k.className()
                    + ", not a TH1, TH2 or TH3 histogram");
        }
        return Histogram.from(readObject(k), source.name() + ": histogram '" + k.path() + "'");
    }

    /** A summary of every tree (name, entries, branches with types) and histogram, for inspection tools. */
    public FileSummary summary() {
        List<FileSummary.TreeSummary> trees = new ArrayList<>();
        List<FileSummary.ObjectSummary> others = new ArrayList<>();
        for (RootKey k : keys) {
            if (k.className().equals("TTree") || k.className().startsWith("TNtuple")) {
                RootTree t = tree(k.nameWithCycle());
                trees.add(new FileSummary.TreeSummary(k.path(), t.title(), t.numEntries(), t.branches()));
            } else {
                others.add(new FileSummary.ObjectSummary(k.path(), k.cycle(), k.className(), k.title()));
            }
        }
        return new FileSummary(source.path().toString(), trees, others);
    }

    private RObject readObject(RootKey k) {
        DirectoryReader.Entry e = entries.get(k.nameWithCycle());
        RBuffer b = Keys.object(source, e.key(), e.seek(), k.className() + " '" + k.path() + "'");
        return reader().readObject(b, k.className(), 0);
    }

    private synchronized ObjectReader reader() {
        if (reader == null) {
            reader = StreamerInfos.load(source, header.seekInfo());
        }
        return reader;
    }

    /** Closes the file. Trees already read keep their metadata but can no longer read baskets. */
    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "RootFile(" + source.name() + ", " + keys.size() + " keys)";
    }
}
