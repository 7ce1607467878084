package dev.hadron.io.hdf5;

import dev.hadron.io.Column;
import dev.hadron.io.Table;
import dev.hadron.tensor.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tensors (and tables) to HDF5 files that h5py, ROOT and the HDF5 tools read, through jHDF.
 * Dataset names may hold {@code /} to place them in groups ({@code "events/pt"}). Tensors keep their
 * dtype; bool is stored as an 8-bit HDF5 bitfield, which Hadron reads back as bool and h5py as
 * {@code uint8} 0/1. Datasets can be chunked along the first dimension and deflate-compressed. jHDF
 * adds a root attribute {@code _jHDF} naming itself. The file is written to a temporary name and
 * moved into place when complete.
 *
 * <pre>{@code
 * Hdf5Writer.write(Path.of("out.h5"), Map.of("events/pt", pt, "events/label", y), Map.of("lumi", 59.7), true);
 * }</pre>
 */
public final class Hdf5Writer {
    private static final int CHUNK_BYTES = 1 << 20;

    private Hdf5Writer() {
    }

    /**
     * Writes datasets and root attributes.
     *
     * @param path       the file to create (replaced if it exists)
     * @param datasets   dataset path to tensor, in the order to write
     * @param attributes root attributes: {@code String}, {@code Number}, {@code Boolean} or numeric {@code Tensor}
     * @param compress   chunk along the first dimension and deflate (level 6) with the shuffle filter
     */
    public static void write(Path path, Map<String, Tensor> datasets, Map<String, ?> attributes, boolean compress) {
        Map<String, Object> data = new LinkedHashMap<>(datasets);
        writeObjects(path, data, attributes, compress);
    }

    /** Writes datasets without attributes or compression. */
    public static void write(Path path, Map<String, Tensor> datasets) {
        write(path, datasets, Map.of(), false);
    }

    /**
     * Writes a table as one dataset per column inside {@code group} ({@code "/"} for the root): dense
     * columns as datasets of their shape, text as string datasets. Jagged columns have no single HDF5
     * shape; write their values and offsets as two datasets instead.
     */
    public static void write(Path path, Table table, String group, boolean compress) {
        Map<String, Object> data = new LinkedHashMap<>();
        String prefix = group.equals("/") || group.isEmpty() ? "" : group.replaceAll("^/+|/+$", "") + "/";
        for (Map.Entry<String, Column> e : table.columns().entrySet()) {
            switch (e.getValue()) {
                case Column.TensorColumn t -> data.put(prefix + e.getKey(), t.values());
                case Column.StringColumn s -> data.put(prefix + e.getKey(), s.values().toArray(new String[0]));
                case Column.JaggedColumn j -> throw new IllegalArgumentException("Hdf5Writer: column '" + e.getKey()
                        + "' is jagged; write j.values() and j.offsets() as two datasets");
            }
        }
        writeObjects(path, data, Map.of(), compress);
    }

    private static void writeObjects(Path path, Map<String, Object> data, Map<String, ?> attributes, boolean compress) {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                Map<String, WritableGroup> groups = new HashMap<>();
                for (Map.Entry<String, Object> e : data.entrySet()) {
                    String name = e.getKey().replaceAll("^/+", "");
                    if (name.isEmpty() || name.endsWith("/") || name.contains("//")) {
                        throw new IllegalArgumentException("Hdf5Writer: invalid dataset name '" + e.getKey() + "'");
                    }
                    int slash = name.lastIndexOf('/');
                    WritableGroup g = slash < 0 ? f : group(f, groups, name.substring(0, slash));
                    String leaf = name.substring(slash + 1);
                    Object v = e.getValue();
                    if (v instanceof Tensor t) {
                        Object arr = Hdf5Types.javaArray(t);
                        if (compress && t.dim() >= 1 && t.numel() > 0) {
                            g.putDataset(leaf, arr, DatasetCreationOptions.builder().chunkDimensions(chunk(t)).shuffle()
                                    .deflate(6).build());
                        } else {
                            g.putDataset(leaf, arr);
                        }
                    } else {
                        g.putDataset(leaf, v);
                    }
                }
                for (Map.Entry<String, ?> a : attributes.entrySet()) {
                    putAttribute(f, a.getKey(), a.getValue());
                }
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } catch (HdfException e) {
            deleteQuietly(tmp);
            throw new IllegalArgumentException("Hdf5Writer: cannot write " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("Hdf5Writer: cannot write " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the original failure matters more
        }
    }

    private static WritableGroup group(WritableHdfFile f, Map<String, WritableGroup> groups, String path) {
        WritableGroup g = groups.get(path);
        if (g != null) {
            return g;
        }
        int slash = path.lastIndexOf('/');
        WritableGroup parent = slash < 0 ? f : group(f, groups, path.substring(0, slash));
        g = parent.putGroup(path.substring(slash + 1));
        groups.put(path, g);
        return g;
    }

    private static void putAttribute(WritableNode node, String name, Object v) {
        Object value = switch (v) {
            case Tensor t -> Hdf5Types.javaArray(t);
            case Integer i -> (long) i;
            case String s -> s;
            case Number n -> n instanceof Long ? n : (Object) n.doubleValue();
            case Boolean b -> b;
            case List<?> l when l.stream().allMatch(x -> x instanceof String) -> l.toArray(new String[0]);
            default -> throw new IllegalArgumentException("Hdf5Writer: attribute '" + name + "' has unsupported type "
                    + (v == null ? "null" : v.getClass().getSimpleName()) + "; expected String, Number, Boolean, a list of"
                    + " strings or a Tensor");
        };
        node.putAttribute(name, value);
    }

    private static int[] chunk(Tensor t) {
        int[] shape = t.shape();
        int[] c = shape.clone();
        long rowBytes = (long) t.dtype().byteSize();
        for (int i = 1; i < shape.length; i++) {
            rowBytes *= Math.max(shape[i], 1);
        }
        c[0] = (int) Math.max(1, Math.min(shape[0], CHUNK_BYTES / Math.max(rowBytes, 1)));
        return c;
    }
}
