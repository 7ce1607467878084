package dev.hadron.io;

import dev.hadron.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a data file holds, without reading its bulk: the CSV columns with their inferred types, the
 * datasets of an HDF5 file with shapes and dtypes, the arrays of an {@code .npz}, the columns of a
 * Parquet file, the trees and branches of a ROOT file. Plain data for {@code hadron inspect}, which
 * prints {@link #toText()} or {@link #toJson()}.
 *
 * <pre>{@code
 * FileSummary s = DataFiles.summary(Path.of("nano_dy.parquet"));
 * System.out.println(s.toText());
 * }</pre>
 *
 * @param path       the file
 * @param format     the format name ({@code csv}, {@code npy}, {@code npz}, {@code hdf5}, {@code parquet}, {@code root})
 * @param sizeBytes  the file size
 * @param properties file-level facts (row count, delimiter, creator, compression, ...), in display order
 * @param items      the file's columns, datasets, arrays, trees or branches, in file order
 */
public record FileSummary(String path, String format, long sizeBytes, Map<String, String> properties, List<Item> items) {

    /** Copies the collections. */
    public FileSummary {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        items = List.copyOf(items);
    }

    /**
     * One entry of a file.
     *
     * @param name       the entry's name or path inside the file ({@code /group/dataset}, {@code tree/branch})
     * @param kind       {@code column}, {@code array}, {@code dataset}, {@code group}, {@code tree}, {@code branch}, ...
     * @param dtype      the element type as {@link Column#typeName()} writes it ({@code float32}, {@code jagged float32},
     *                   {@code string}); null for containers such as groups
     * @param shape      dimensions (the first one is the row or entry count); empty for scalars and containers
     * @param attributes further facts (HDF5 attributes, physical type, missing-value count, ...), in display order
     */
    public record Item(String name, String kind, String dtype, List<Long> shape, Map<String, String> attributes) {
        /** Copies the collections. */
        public Item {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            shape = List.copyOf(shape);
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /** An item without attributes. */
        public Item(String name, String kind, String dtype, List<Long> shape) {
            this(name, kind, dtype, shape, Map.of());
        }
    }

    /** A human-readable listing: one header line, the properties, then one line per item. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(path).append(" (").append(format).append(", ").append(sizeBytes).append(" bytes)\n");
        properties.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        int nameWidth = 4;
        int typeWidth = 5;
        for (Item it : items) {
            nameWidth = Math.max(nameWidth, Math.min(it.name().length(), 60));
            typeWidth = Math.max(typeWidth, it.dtype() == null ? it.kind().length() : it.dtype().length());
        }
        for (Item it : items) {
            String type = it.dtype() == null ? it.kind() : it.dtype();
            sb.append("  ").append(pad(it.name(), nameWidth)).append("  ").append(pad(type, typeWidth)).append("  ")
                    .append(shapeText(it.shape()));
            if (!it.attributes().isEmpty()) {
                List<String> parts = new ArrayList<>();
                it.attributes().forEach((k, v) -> parts.add(k + "=" + v));
                sb.append("  ").append(String.join(", ", parts));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String shapeText(List<Long> shape) {
        List<String> dims = new ArrayList<>();
        for (Long d : shape) {
            dims.add(String.valueOf(d));
        }
        return "(" + String.join(", ", dims) + (shape.size() == 1 ? ",)" : ")");
    }

    /** The same content as JSON (an object with path, format, sizeBytes, properties and items). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("format", format);
        m.put("sizeBytes", sizeBytes);
        m.put("properties", properties);
        List<Object> list = new ArrayList<>();
        for (Item it : items) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", it.name());
            o.put("kind", it.kind());
            o.put("dtype", it.dtype());
            o.put("shape", new ArrayList<Object>(it.shape()));
            o.put("attributes", it.attributes());
            list.add(o);
        }
        m.put("items", list);
        return Json.writePretty(m);
    }
}
