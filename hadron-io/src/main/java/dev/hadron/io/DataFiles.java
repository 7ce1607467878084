package dev.hadron.io;

import dev.hadron.io.csv.CsvReader;
import dev.hadron.io.hdf5.Hdf5File;
import dev.hadron.io.npy.Npy;
import dev.hadron.io.npy.Npz;
import dev.hadron.io.parquet.ParquetFile;
import dev.hadron.io.root.BranchInfo;
import dev.hadron.io.root.RootFile;
import dev.hadron.io.root.RootTree;
import dev.hadron.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry point for every supported file: detects the format from the file's first bytes (magic
 * numbers) and, for text, its extension, then reads it into a {@link Table} or describes it as a
 * {@link FileSummary}. This is what {@code hadron inspect FILE} and configs naming a data file use.
 *
 * <ul>
 *   <li>CSV/TSV/whitespace text: every column, types inferred ({@link CsvReader}).</li>
 *   <li>{@code .npy}: one column named after the file, the array's first dimension being the rows.</li>
 *   <li>{@code .npz}: one column per array with a row dimension (0-d arrays are metadata and skipped).</li>
 *   <li>HDF5: the datasets of the root group ({@link Hdf5File#table(String)}).</li>
 *   <li>Parquet: every column ({@link ParquetFile}).</li>
 *   <li>ROOT: the branches of a TTree ({@link RootTree#table()}); a file with several trees needs the
 *       tree named ({@link #read(Path, String, List)}).</li>
 * </ul>
 *
 * <pre>{@code
 * FileSummary s = DataFiles.summary(Path.of("train_sml_sig.csv"));
 * System.out.println(s.toText());
 * Table t = DataFiles.read(Path.of("nano_dy.parquet"), List.of("nMuon", "Muon_pt"));
 * Table muons = DataFiles.read(Path.of("HZZ.root"), "events", List.of("NMuon", "Muon_*"));
 * }</pre>
 */
public final class DataFiles {
    private static final byte[] NPY = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PARQUET = {'P', 'A', 'R', '1'};
    private static final byte[] ROOT = {'r', 'o', 'o', 't'};
    private static final List<String> TEXT_EXTENSIONS = List.of("csv", "tsv", "txt", "dat", "tab", "train", "test");

    private DataFiles() {
    }

    /**
     * The format of a file, from its magic bytes (NumPy, zip/npz, HDF5 at offset 0 or after a user
     * block of 512, 1024, ... bytes, Parquet, ROOT), else CSV for a text file (a known text extension, or no
     * NUL byte in the first 4 KiB). Anything else gives an exception naming the supported formats.
     */
    public static Format detect(Path path) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4096);
            size = Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (startsWith(head, 0, NPY)) {
            return Format.NPY;
        }
        if (startsWith(head, 0, ZIP) || startsWith(head, 0, ZIP_EMPTY)) {
            return Format.NPZ;
        }
        if (startsWith(head, 0, PARQUET)) {
            return Format.PARQUET;
        }
        if (startsWith(head, 0, ROOT)) {
            return Format.ROOT;
        }
        if (isHdf5(path, head, size)) {
            return Format.HDF5;
        }
        String ext = extension(path);
        boolean binary = false;
        for (byte b : head) {
            binary |= b == 0;
        }
        if (!binary || TEXT_EXTENSIONS.contains(ext)) {
            if (binary) {
                throw new FileFormatException(path, "has a text extension (." + ext + ") but holds binary data");
            }
            return Format.CSV;
        }
        throw new FileFormatException(path, "unrecognised format (first bytes " + hex(head) + "); supported: CSV/TSV text, "
                + "NumPy .npy/.npz, HDF5, Parquet, ROOT");
    }

    private static boolean isHdf5(Path path, byte[] head, long size) {
        if (startsWith(head, 0, HDF5)) {
            return true;
        }
        try (var ch = java.nio.channels.FileChannel.open(path)) {
            for (long off = 512; off + HDF5.length <= size && off <= (1L << 30); off *= 2) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(HDF5.length);
                ch.read(b, off);
                if (Arrays.equals(b.array(), HDF5)) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int off, byte[] magic) {
        if (b.length < off + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[off + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    private static String extension(Path path) {
        String n = path.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Reads a whole file into a table (see the class description for what each format gives). */
    public static Table read(Path path) {
        return switch (detect(path)) {
            case CSV -> CsvReader.read(path);
            case NPY -> {
                Tensor t = Npy.read(path);
                if (t.dim() == 0) {
                    throw new IllegalArgumentException("DataFiles: " + path + " holds a 0-d array, which has no rows; use"
                            + " Npy.read");
                }
                yield Table.ofTensors(Map.of(stem(path), t));
            }
            case NPZ -> {
                LinkedHashMap<String, Tensor> cols = new LinkedHashMap<>();
                Npz.read(path).forEach((k, v) -> {
                    if (v.dim() > 0) {
                        cols.put(k, v);
                    }
                });
                yield Table.ofTensors(cols);
            }
            case HDF5 -> Hdf5File.read(path, "/");
            case PARQUET -> ParquetFile.read(path);
            case ROOT -> {
                try (RootFile f = RootFile.open(path)) {
                    yield f.tree(onlyTree(f, path)).table();
                }
            }
        };
    }

    /**
     * Reads the named columns (names or globs) of one object of a file: a ROOT tree, or an HDF5 group
     * ({@code "/"} for the root group). Formats without inner objects take {@code null} or {@code ""}.
     */
    public static Table read(Path path, String object, List<String> columns) {
        Format f = detect(path);
        if (object == null || object.isEmpty()) {
            return read(path, columns);
        }
        return switch (f) {
            case ROOT -> {
                try (RootFile rf = RootFile.open(path)) {
                    yield rf.tree(object).table(columns);
                }
            }
            case HDF5 -> pick(Hdf5File.read(path, object), path, columns);
            default -> throw new IllegalArgumentException("DataFiles: " + path + " is " + f.id()
                    + ", which has no inner objects, but object '" + object + "' was named; leave it out");
        };
    }

    /** The name of the file's only tree, or an error listing the trees when there are none or several. */
    private static String onlyTree(RootFile f, Path path) {
        List<String> trees = treeNames(f);
        if (trees.size() != 1) {
            throw new IllegalArgumentException("DataFiles: " + path + " holds " + (trees.isEmpty() ? "no TTree"
                    : trees.size() + " trees " + trees) + "; name the tree to read, e.g. DataFiles.read(path, \""
                    + (trees.isEmpty() ? "tree" : trees.get(0)) + "\", columns)");
        }
        return trees.get(0);
    }

    private static List<String> treeNames(RootFile f) {
        List<String> out = new java.util.ArrayList<>();
        for (var k : f.keyInfos()) {
            if ((k.className().equals("TTree") || k.className().startsWith("TNtuple")) && !out.contains(k.path())) {
                out.add(k.path());
            }
        }
        return out;
    }

    /** Reads the named columns (names, or globs such as {@code "Muon_*"}) of a file. */
    public static Table read(Path path, List<String> columns) {
        Format f = detect(path);
        if (f == Format.PARQUET) {
            return ParquetFile.read(path, columns);
        }
        if (f == Format.ROOT) {
            try (RootFile rf = RootFile.open(path)) {
                return rf.tree(onlyTree(rf, path)).table(columns);
            }
        }
        return pick(read(path), path, columns);
    }

    private static Table pick(Table t, Path path, List<String> columns) {
        List<String> names = new java.util.ArrayList<>();
        for (String c : columns) {
            if (Table.isPattern(c)) {
                List<String> m = t.columnsMatching(c);
                if (m.isEmpty()) {
                    throw new IllegalArgumentException("DataFiles: pattern '" + c + "' matches no column of " + path
                            + "; columns: " + Table.preview(t.columnNames()));
                }
                m.stream().filter(x -> !names.contains(x)).forEach(names::add);
            } else if (!names.contains(c)) {
                names.add(c);
            }
        }
        return t.select(names);
    }

    /** Describes a file without reading its bulk where the format allows (CSV is scanned once). */
    public static FileSummary summary(Path path) {
        return switch (detect(path)) {
            case CSV -> CsvReader.summary(path);
            case NPY -> Npy.summary(path);
            case NPZ -> Npz.summary(path);
            case HDF5 -> Hdf5File.summary(path);
            case PARQUET -> ParquetFile.summary(path);
            case ROOT -> rootSummary(path);
        };
    }

    /** A ROOT file as a generic summary: each tree, then its branches as {@code tree/branch}, then other objects. */
    private static FileSummary rootSummary(Path path) {
        try (RootFile f = RootFile.open(path)) {
            dev.hadron.io.root.FileSummary r = f.summary();
            Map<String, String> props = new LinkedHashMap<>();
            int v = f.rootVersion();
            props.put("ROOT version", v / 10000 + "." + String.format("%02d/%02d", v / 100 % 100, v % 100));
            props.put("compression", String.valueOf(f.compression()));
            props.put("trees", String.valueOf(r.trees().size()));
            List<FileSummary.Item> items = new java.util.ArrayList<>();
            for (var t : r.trees()) {
                items.add(new FileSummary.Item(t.name(), "tree", null, List.of(t.entries()), Map.of("title", String.valueOf(t.title()))));
                for (BranchInfo b : t.branches()) {
                    Map<String, String> attrs = new LinkedHashMap<>();
                    attrs.put("baskets", String.valueOf(b.numBaskets()));
                    attrs.put("compressed bytes", String.valueOf(b.compressedBytes()));
                    if (!b.readable()) {
                        attrs.put("readable", "no");
                    }
                    items.add(new FileSummary.Item(t.name() + "/" + b.path(), "branch", b.typeName(),
                            List.of(b.numEntries()), attrs));
                }
            }
            for (var o : r.objects()) {
                items.add(new FileSummary.Item(o.name(), o.className(), null, List.of(), Map.of("title", String.valueOf(o.title()))));
            }
            return new FileSummary(path.toString(), Format.ROOT.id(), sizeOf(path), props, items);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String stem(Path path) {
        String n = path.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
