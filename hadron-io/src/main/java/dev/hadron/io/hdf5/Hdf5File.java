package dev.hadron.io.hdf5;

import dev.hadron.io.Column;
import dev.hadron.io.FileFormatException;
import dev.hadron.io.FileSummary;
import dev.hadron.io.Table;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HDF5 file opened for reading (through the pure-Java jHDF library): its groups, datasets and
 * attributes, numeric datasets as tensors, and a group's datasets as a {@link Table}.
 *
 * <p>Types: signed and unsigned 8–64-bit integers, float16/32/64 (either byte order), and
 * booleans (h5py's enum or a bitfield) become tensors as described in {@link Hdf5Types}; string
 * datasets become text; compound datasets (h5py record arrays) give one column per field;
 * variable-length numeric datasets (h5py {@code vlen_dtype}) become {@link Jagged}. Chunked datasets
 * with deflate, shuffle, LZF and LZ4 filters are read (LZ4 through Hadron's own decoder); bitshuffle
 * with LZ4 inside, whose library carries native code, is refused with a clear message. Errors name the
 * file and the dataset.
 *
 * <pre>{@code
 * try (Hdf5File f = Hdf5File.open(Path.of("jets.h5"))) {
 *     Tensor images = f.tensor("/jetImage");                 // (n, 40, 40)
 *     Table events = f.table("/events");                     // every dataset of the group as a column
 *     Map<String, Object> meta = f.attributes("/");
 * }
 * }</pre>
 */
public final class Hdf5File implements AutoCloseable {
    static {
        // LZ4-filtered datasets decode through Hadron's own LZ4 (jHDF's filter needs native lz4-java)
        io.jhdf.filter.FilterManager.addFilter(new Lz4HdfFilter());
    }

    private final Path path;
    private final HdfFile file;

    private Hdf5File(Path path, HdfFile file) {
        this.path = path;
        this.file = file;
    }

    /** Opens a file. */
    public static Hdf5File open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new IOException("HDF5: no such file " + path));
        }
        try {
            return new Hdf5File(path, new HdfFile(path));
        } catch (RuntimeException e) {
            throw new FileFormatException(path, "not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    /** Reads the datasets of a group of a file as a table (see {@link #table(String)}). */
    public static Table read(Path path, String group) {
        try (Hdf5File f = open(path)) {
            return f.table(group);
        }
    }

    private FileFormatException bad(String where, RuntimeException e) {
        return new FileFormatException(path, where + ": " + e.getMessage(), e);
    }

    /**
     * Runs a jHDF call: anything it throws on a damaged file (jHDF's own exceptions, buffer underflows,
     * overflows, bad casts) becomes a {@link FileFormatException} naming the file and {@code where}.
     */
    private <T> T guard(String where, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (FileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad(where, e);
        } catch (LinkageError e) {
            throw missingLibrary(where, e);
        }
    }

    private FileFormatException missingLibrary(String where, LinkageError e) {
        return new FileFormatException(path, where + ": needs a filter library Hadron does not ship (" + e.getMessage()
                + "); bitshuffle with LZ4 needs lz4-java, which carries native code", e);
    }

    private Node node(String requested) {
        String nodePath = requested.replaceAll("/+$", "");
        Node n;
        try {
            n = nodePath.isEmpty() ? file : file.getByPath(nodePath);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            n = null;
        } catch (RuntimeException e) {
            throw bad("looking up '" + requested + "'", e);
        } catch (LinkageError e) {
            throw missingLibrary("looking up '" + requested + "'", e);
        }
        if (n == null) {
            throw new IllegalArgumentException("HDF5 " + path + ": no group or dataset '" + requested + "'; datasets: "
                    + datasetPaths());
        }
        return n;
    }

    private Dataset dataset(String datasetPath) {
        Node n = node(datasetPath);
        if (!(n instanceof Dataset d)) {
            throw new IllegalArgumentException("HDF5 " + path + ": '" + datasetPath + "' is a group, not a dataset; datasets: "
                    + datasetPaths());
        }
        return d;
    }

    /** Paths of all datasets, depth first ({@code /events/pt}). */
    public List<String> datasetPaths() {
        List<String> out = new ArrayList<>();
        return guard("listing datasets", () -> {
            collect(file, out);
            return out;
        });
    }

    private static void collect(Group g, List<String> out) {
        for (Node n : g) {
            if (n instanceof Group sub) {
                collect(sub, out);
            } else if (n instanceof Dataset d) {
                out.add(d.getPath());
            }
        }
    }

    /** The shape of a dataset. */
    public int[] shape(String datasetPath) {
        Dataset d = dataset(datasetPath);
        return guard("dataset '" + datasetPath + "'", d::getDimensions);
    }

    /** A numeric dataset as a tensor of its shape. */
    public Tensor tensor(String datasetPath) {
        Dataset d = dataset(datasetPath);
        try {
            if (d.isCompound() || d.isVariableLength()) {
                throw new IllegalArgumentException("dataset is " + Hdf5Types.name(d.getDataType())
                        + "; use table(...) for compound datasets and jagged(...) for variable-length ones");
            }
            return Hdf5Types.tensor(d.getDataFlat(), d.getDimensions(), d.getDataType(), "dataset " + datasetPath);
        } catch (FileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("dataset '" + datasetPath + "'", e);
        } catch (LinkageError e) {
            throw missingLibrary("dataset '" + datasetPath + "'", e);
        }
    }

    /** A 1-D variable-length numeric dataset (h5py {@code vlen_dtype}) as one list per row. */
    public Jagged jagged(String datasetPath) {
        Dataset d = dataset(datasetPath);
        try {
            if (!(d.getDataType() instanceof VariableLength v) || v.isVariableLengthString() || d.getDimensions().length != 1) {
                throw new IllegalArgumentException("dataset is " + Hdf5Types.name(d.getDataType()) + " "
                        + Arrays.toString(d.getDimensions()) + "; expected a 1-D variable-length numeric dataset");
            }
            Object[] rows = (Object[]) d.getData();
            List<Tensor> parts = new ArrayList<>();
            long[] counts = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int len = java.lang.reflect.Array.getLength(rows[i]);
                counts[i] = len;
                parts.add(Hdf5Types.tensor(rows[i], new int[] {len}, v.getParent(), "dataset " + datasetPath + " row " + i));
            }
            Tensor values = parts.isEmpty() ? Tensor.zeros(0) : Tensor.cat(parts, 0);
            return Jagged.fromCounts(values, counts);
        } catch (FileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("dataset '" + datasetPath + "'", e);
        } catch (LinkageError e) {
            throw missingLibrary("dataset '" + datasetPath + "'", e);
        }
    }

    /** A string dataset (fixed or variable length) as a flat list. */
    public List<String> strings(String datasetPath) {
        Dataset d = dataset(datasetPath);
        try {
            Object flat = d.getDataFlat();
            if (!(flat instanceof String[] s)) {
                throw new IllegalArgumentException("dataset is " + Hdf5Types.name(d.getDataType()) + ", not text");
            }
            return List.of(s);
        } catch (FileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("dataset '" + datasetPath + "'", e);
        } catch (LinkageError e) {
            throw missingLibrary("dataset '" + datasetPath + "'", e);
        }
    }

    /**
     * The attributes of a group or dataset ({@code "/"} for the file): text as {@code String}, text
     * arrays as {@code List<String>}, numeric scalars as {@code Long} or {@code Double}, numeric arrays
     * as tensors.
     */
    public Map<String, Object> attributes(String nodePath) {
        Node n = node(nodePath);
        Map<String, Object> out = new LinkedHashMap<>();
        return guard("attributes of '" + nodePath + "'", () -> {
            for (Map.Entry<String, Attribute> e : n.getAttributes().entrySet()) {
                out.put(e.getKey(), attributeValue(e.getValue(), nodePath + "@" + e.getKey()));
            }
            return out;
        });
    }

    private static Object attributeValue(Attribute a, String where) {
        Object v = a.getData();
        if (v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number num) {
            return num instanceof Double || num instanceof Float ? (Object) num.doubleValue() : (Object) num.longValue();
        }
        if (v instanceof String[] s) {
            return List.of(s);
        }
        if (v != null && v.getClass().isArray() && !a.isEmpty()) {
            Object flat = v;
            int[] dims = a.getDimensions();
            if (dims.length > 1) {
                flat = Hdf5Types.flatten(v);
            }
            return Hdf5Types.tensor(flat, dims, a.getDataType(), where);
        }
        return String.valueOf(v);
    }

    /**
     * A table of the datasets directly in {@code groupPath} (or of the fields of a compound dataset at
     * that path). Datasets with a row dimension become columns named after them: numeric ones as
     * tensors (rows, ...), variable-length ones as jagged, text as strings, compound ones as one column
     * per field named {@code dataset.field}. All need the same number of rows. Scalar (0-d) datasets are
     * metadata, not columns; read them with {@link #tensor}. Sub-groups are not descended into.
     */
    public Table table(String groupPath) {
        Node n = node(groupPath);
        LinkedHashMap<String, Column> cols = new LinkedHashMap<>();
        if (n instanceof Dataset d) {
            if (!d.isCompound()) {
                throw new IllegalArgumentException("HDF5 " + path + ": '" + groupPath + "' is a plain dataset; a table is"
                        + " read from a group or a compound dataset (or use tensor(...))");
            }
            addCompound(d, "", cols);
            return Table.of(cols);
        }
        List<Node> children = guard("group '" + groupPath + "'", () -> {
            List<Node> list = new ArrayList<>();
            ((Group) n).forEach(list::add);
            return list;
        });
        for (Node child : children) {
            if (!(child instanceof Dataset d) || guard("dataset '" + child.getPath() + "'",
                    () -> d.isScalar() || d.getDimensions().length == 0)) {
                continue;
            }
            String where = "dataset '" + d.getPath() + "'";
            try {
                if (d.isCompound()) {
                    addCompound(d, d.getName() + ".", cols);
                } else if (d.getDataType() instanceof VariableLength v && !v.isVariableLengthString()) {
                    cols.put(d.getName(), Column.of(jagged(d.getPath())));
                } else if (d.getDataType() instanceof StringData || d.getDataType() instanceof VariableLength) {
                    cols.put(d.getName(), Column.of(strings(d.getPath())));
                } else {
                    cols.put(d.getName(), Column.of(tensor(d.getPath())));
                }
            } catch (FileFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw bad(where, e);
            } catch (LinkageError e) {
                throw missingLibrary(where, e);
            }
        }
        try {
            return Table.of(cols);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HDF5 " + path + ", group '" + groupPath + "': " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private void addCompound(Dataset d, String prefix, Map<String, Column> cols) {
        try {
            CompoundDataType type = (CompoundDataType) d.getDataType();
            Map<String, Object> fields = (Map<String, Object>) d.getData();
            int[] dims = d.getDimensions();
            for (CompoundDataType.CompoundDataMember m : type.getMembers()) {
                Object data = fields.get(m.getName());
                int[] shape = dims;
                if (m.getDimensionSize() != null && m.getDimensionSize().length > 0) {
                    shape = java.util.stream.IntStream.concat(Arrays.stream(dims), Arrays.stream(m.getDimensionSize()))
                            .toArray();
                }
                Object flat = dims.length > 1 || shape.length > 1 ? Hdf5Types.flatten(data) : data;
                if (flat instanceof String[] s) {
                    cols.put(prefix + m.getName(), Column.of(List.of(s)));
                } else {
                    cols.put(prefix + m.getName(), Column.of(Hdf5Types.tensor(flat, shape, m.getDataType(),
                            "field '" + m.getName() + "' of dataset " + d.getPath())));
                }
            }
        } catch (FileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("compound dataset '" + d.getPath() + "'", e);
        } catch (LinkageError e) {
            throw missingLibrary("compound dataset '" + d.getPath() + "'", e);
        }
    }

    /** Every group and dataset with its type, shape, filters and attributes. */
    public FileSummary summary() {
        List<FileSummary.Item> items = new ArrayList<>();
        try {
            Map<String, String> rootAttrs = attributeText("/");
            summarize(file, items);
            Map<String, String> props = new LinkedHashMap<>();
            props.put("datasets", String.valueOf(items.stream().filter(i -> i.kind().equals("dataset")).count()));
            rootAttrs.forEach((k, v) -> props.put("@" + k, v));
            return new FileSummary(path.toString(), "hdf5", Files.size(path), props, items);
        } catch (FileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("summary", e);
        } catch (LinkageError e) {
            throw missingLibrary("summary", e);
        } catch (IOException e) {
            throw new UncheckedIOException("HDF5: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The summary of a file. */
    public static FileSummary summary(Path path) {
        try (Hdf5File f = open(path)) {
            return f.summary();
        }
    }

    private Map<String, String> attributeText(String nodePath) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes(nodePath).forEach((k, v) -> out.put(k, v instanceof Tensor t ? Arrays.toString(t.toDoubleArray())
                : String.valueOf(v)));
        return out;
    }

    private void summarize(Group g, List<FileSummary.Item> items) {
        for (Node n : g) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attributeText(n.getPath()).forEach((k, v) -> attrs.put("@" + k, v));
            if (n instanceof Group sub) {
                items.add(new FileSummary.Item(sub.getPath().replaceAll("/+$", ""), "group", null, List.of(), attrs));
                summarize(sub, items);
            } else if (n instanceof Dataset d) {
                List<Long> shape = new ArrayList<>();
                for (long x : d.getDimensionsAsLong()) {
                    shape.add(x);
                }
                if (!d.getFilters().isEmpty()) {
                    attrs.put("filters", d.getFilters().stream().map(f -> f.getName()).toList().toString());
                }
                items.add(new FileSummary.Item(d.getPath(), "dataset", Hdf5Types.name(d.getDataType()), shape, attrs));
            }
        }
    }

    /** The path this file was opened from. */
    public Path path() {
        return path;
    }

    /** Closes the file. */
    @Override
    public void close() {
        file.close();
    }
}
