package dev.hadron.io.parquet;

import dev.hadron.io.Column;
import dev.hadron.io.FileFormatException;
import dev.hadron.io.FileSummary;
import dev.hadron.io.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Parquet file opened for reading: its schema, row groups and key-value metadata from the footer,
 * and its columns read on demand into a {@link Table}. Flat columns become tensors, list columns
 * (one level of repetition: NanoAOD's {@code Muon_pt}, awkward/pyarrow {@code list<float>}) become
 * {@link dev.hadron.tensor.Jagged}; struct fields become columns named {@code parent.field}.
 * Only the requested columns' chunks are read.
 *
 * <p>Supported: data pages v1 and v2; PLAIN, dictionary (PLAIN_DICTIONARY, RLE_DICTIONARY),
 * RLE booleans, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT
 * encodings; UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW compression. Types: booleans, signed and
 * unsigned 8–64-bit integers (uint32 becomes int64; uint64 must fit in int64), float16/32/64, and
 * UTF-8 strings (flat columns). Nested lists, lists of strings, DECIMAL, INT96 and other
 * fixed-length byte arrays are reported as unsupported by {@link #columns()} and refused with a
 * message naming the column when requested. Every offset and size from the file is checked before
 * use; a malformed file ends in a {@link FileFormatException} naming the file, the row group and
 * the column.
 *
 * <pre>{@code
 * try (ParquetFile f = ParquetFile.open(Path.of("nano_dy.parquet"))) {
 *     Table t = f.read(List.of("nMuon", "Muon_pt", "Muon_eta"));
 *     Jagged pt = t.jagged("Muon_pt");          // one list of muon pT per event
 * }
 * }</pre>
 */
public final class ParquetFile implements AutoCloseable {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final int MAX_FOOTER = 256 * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long fileSize;
    private final long numRows;
    private final String createdBy;
    private final Map<String, String> keyValue;
    private final Schema schema;
    private final List<Thrift.Struct> rowGroups;

    private ParquetFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.fileSize = channel.size();
        if (fileSize < 12) {
            throw new FileFormatException(path, "too short (" + fileSize + " bytes) to be a Parquet file");
        }
        byte[] head = readBytes(0, 4);
        byte[] tail = readBytes(fileSize - 8, 8);
        if (!java.util.Arrays.equals(head, MAGIC) || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(tail, 4, 8),
                MAGIC)) {
            throw new FileFormatException(path, "not a Parquet file: it must start and end with the magic PAR1"
                    + (java.util.Arrays.equals(head, MAGIC) ? " (the end is missing: truncated file?)" : ""));
        }
        long footerLen = Decoders.readIntLE(tail, 0, 4) & 0xffffffffL;
        if (footerLen <= 0 || footerLen > fileSize - 12 || footerLen > MAX_FOOTER) {
            throw new FileFormatException(path, "footer length " + footerLen + " is impossible for a file of " + fileSize
                    + " bytes");
        }
        byte[] footer = readBytes(fileSize - 8 - footerLen, (int) footerLen);
        try {
            Thrift.Struct meta = new Thrift(footer, 0, footer.length).struct();
            this.numRows = meta.i64(3, "num_rows");
            if (numRows < 0) {
                throw new ParquetFormatError("negative row count " + numRows);
            }
            this.createdBy = meta.string(6);
            this.keyValue = new LinkedHashMap<>();
            for (Object o : meta.list(5)) {
                if (o instanceof Thrift.Struct kv && kv.string(1) != null) {
                    keyValue.put(kv.string(1), kv.string(2));
                }
            }
            this.schema = Schema.parse(meta.list(2));
            this.rowGroups = new ArrayList<>();
            long rows = 0;
            for (Object o : meta.list(4)) {
                if (!(o instanceof Thrift.Struct rg)) {
                    throw new ParquetFormatError("row group entry is not a struct");
                }
                long n = rg.i64(3, "row group num_rows");
                if (n < 0) {
                    throw new ParquetFormatError("row group " + rowGroups.size() + " has " + n + " rows");
                }
                if (rg.list(1).size() != schema.leaves.size()) {
                    throw new ParquetFormatError("row group " + rowGroups.size() + " has " + rg.list(1).size()
                            + " column chunks for " + schema.leaves.size() + " columns");
                }
                rows += n;
                rowGroups.add(rg);
            }
            if (rows != numRows) {
                throw new ParquetFormatError("row groups hold " + rows + " rows but the footer says " + numRows);
            }
        } catch (ParquetFormatError e) {
            throw new FileFormatException(path, "malformed footer: " + e.getMessage(), e);
        }
    }

    /** Opens a file and reads its footer. */
    public static ParquetFile open(Path path) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            return new ParquetFile(path, ch);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("parquet: cannot read " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** Reads every column of a file. */
    public static Table read(Path path) {
        try (ParquetFile f = open(path)) {
            return f.read();
        }
    }

    /** Reads the named columns (names or globs such as {@code "Muon_*"}) of a file. */
    public static Table read(Path path, List<String> columns) {
        try (ParquetFile f = open(path)) {
            return f.read(columns);
        }
    }

    private byte[] readBytes(long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        long pos = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new FileFormatException(path, "unexpected end of file at byte " + pos);
            }
            pos += n;
        }
        return buf.array();
    }

    /** Number of rows. */
    public long numRows() {
        return numRows;
    }

    /** Number of row groups. */
    public int numRowGroups() {
        return rowGroups.size();
    }

    /** The writer named in the footer ({@code created_by}), or null. */
    public String createdBy() {
        return createdBy;
    }

    /** The footer's key-value metadata (e.g. the Arrow schema), in file order. */
    public Map<String, String> keyValueMetadata() {
        return java.util.Collections.unmodifiableMap(keyValue);
    }

    /** All leaf columns with their types, supported or not. */
    public List<ParquetColumn> columns() {
        return schema.leaves.stream().map(Schema.Leaf::describe).toList();
    }

    /** The names of all leaf columns. */
    public List<String> columnNames() {
        return schema.leaves.stream().map(Schema.Leaf::name).toList();
    }

    /** Reads every column; fails naming the unsupported ones if there are any. */
    public Table read() {
        return read(columnNames());
    }

    /** Reads the named columns (names or globs), in the order given. */
    public Table read(List<String> names) {
        List<Integer> sel = resolve(names);
        List<ChunkReader.LeafData> data = new ArrayList<>();
        for (int i : sel) {
            data.add(new ChunkReader.LeafData(schema.leaves.get(i)));
        }
        for (int g = 0; g < rowGroups.size(); g++) {
            for (int k = 0; k < sel.size(); k++) {
                readChunk(g, sel.get(k), data.get(k));
            }
        }
        LinkedHashMap<String, Column> cols = new LinkedHashMap<>();
        for (ChunkReader.LeafData d : data) {
            cols.put(d.leaf.name(), assemble(d, numRows, -1));
        }
        return Table.of(cols);
    }

    /** Reads the named columns of one row group: a way to go through a large file in pieces. */
    public Table readRowGroup(int group, List<String> names) {
        if (group < 0 || group >= rowGroups.size()) {
            throw new IndexOutOfBoundsException("ParquetFile: row group " + group + " of " + rowGroups.size());
        }
        LinkedHashMap<String, Column> cols = new LinkedHashMap<>();
        long rows = rowGroups.get(group).i64(3, 0);
        for (int i : resolve(names)) {
            ChunkReader.LeafData d = new ChunkReader.LeafData(schema.leaves.get(i));
            readChunk(group, i, d);
            cols.put(d.leaf.name(), assemble(d, rows, group));
        }
        return Table.of(cols);
    }

    private Column assemble(ChunkReader.LeafData d, long rows, int group) {
        try {
            return Assembler.assemble(d, rows);
        } catch (ParquetFormatError | IllegalArgumentException e) {
            throw new FileFormatException(path, (group >= 0 ? "row group " + group + ", " : "") + "column '" + d.leaf.name()
                    + "': " + e.getMessage(), e);
        }
    }

    private List<Integer> resolve(List<String> names) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < schema.leaves.size(); i++) {
            index.put(schema.leaves.get(i).name(), i);
        }
        LinkedHashSet<Integer> sel = new LinkedHashSet<>();
        for (String n : names) {
            if (n.contains("*") || n.contains("?")) {
                Pattern p = Pattern.compile(("\\Q" + n + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
                boolean any = false;
                for (Map.Entry<String, Integer> e : index.entrySet()) {
                    if (p.matcher(e.getKey()).matches()) {
                        sel.add(e.getValue());
                        any = true;
                    }
                }
                if (!any) {
                    throw new IllegalArgumentException("Parquet " + path + ": pattern '" + n + "' matches no column");
                }
            } else {
                Integer i = index.get(n);
                if (i == null) {
                    List<String> all = columnNames();
                    throw new IllegalArgumentException("Parquet " + path + ": no column '" + n + "'; columns: "
                            + (all.size() > 40 ? String.join(", ", all.subList(0, 40)) + ", ... (" + all.size() + ")"
                            : String.join(", ", all)));
                }
                sel.add(i);
            }
        }
        List<String> bad = new ArrayList<>();
        for (int i : sel) {
            Schema.Leaf l = schema.leaves.get(i);
            if (l.kind() == Schema.Kind.UNSUPPORTED) {
                bad.add("'" + l.name() + "' (" + l.unsupported() + ")");
            }
        }
        if (!bad.isEmpty()) {
            throw new FileFormatException(path, "cannot read column" + (bad.size() > 1 ? "s " : " ") + String.join(", ", bad)
                    + "; select the supported columns with read(List.of(...))");
        }
        return new ArrayList<>(sel);
    }

    private void readChunk(int group, int leafIndex, ChunkReader.LeafData data) {
        Schema.Leaf leaf = schema.leaves.get(leafIndex);
        String where = "row group " + group + ", column '" + leaf.name() + "'";
        try {
            Object c = rowGroups.get(group).list(1).get(leafIndex);
            if (!(c instanceof Thrift.Struct chunk) || chunk.struct(3) == null) {
                throw new ParquetFormatError("column chunk metadata missing (external column files are not supported)");
            }
            if (chunk.string(1) != null) {
                throw new ParquetFormatError("the chunk lives in another file (" + chunk.string(1) + "); not supported");
            }
            Thrift.Struct meta = chunk.struct(3);
            List<String> chunkPath = new ArrayList<>();
            for (Object o : meta.list(3)) {
                chunkPath.add(o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o));
            }
            if (!chunkPath.equals(leaf.path())) {
                throw new ParquetFormatError("chunk path " + chunkPath + " does not match the schema column " + leaf.path());
            }
            int codec = meta.i32(4, "codec");
            if (!Codecs.supported(codec)) {
                throw new ParquetFormatError("compression " + Codecs.name(codec) + " is not supported; Hadron reads "
                        + "UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW");
            }
            long numValues = meta.i64(5, "num_values");
            long size = meta.i64(7, "total_compressed_size");
            long dataOffset = meta.i64(9, "data_page_offset");
            long dictOffset = meta.i64(11, -1);
            long start = dictOffset > 0 && dictOffset < dataOffset ? dictOffset : dataOffset;
            if (start < 4 || size < 0 || size > Integer.MAX_VALUE - 8 || start + size > fileSize - 8 || numValues < 0) {
                throw new ParquetFormatError("chunk at byte " + start + " of " + size + " bytes lies outside the file ("
                        + fileSize + " bytes)");
            }
            byte[] bytes = readBytes(start, (int) size);
            ChunkReader.read(bytes, 0, bytes.length, codec, numValues, data);
        } catch (ParquetFormatError | IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new FileFormatException(path, where + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("parquet: cannot read " + path + " (" + where + "): " + e.getMessage(), e);
        }
    }

    /** The file's columns with types, its row count, row groups and writer. */
    public FileSummary summary() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("rows", String.valueOf(numRows));
        props.put("row groups", String.valueOf(rowGroups.size()));
        props.put("columns", String.valueOf(schema.leaves.size()));
        if (createdBy != null) {
            props.put("created by", createdBy);
        }
        LinkedHashSet<String> codecs = new LinkedHashSet<>();
        for (Thrift.Struct rg : rowGroups) {
            for (Object c : rg.list(1)) {
                if (c instanceof Thrift.Struct chunk && chunk.struct(3) != null) {
                    codecs.add(Codecs.name(chunk.struct(3).i32(4, -1)));
                }
            }
        }
        props.put("compression", String.join(", ", codecs));
        List<FileSummary.Item> items = new ArrayList<>();
        for (ParquetColumn c : columns()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("physical", c.physicalType());
            if (!c.logicalType().isEmpty()) {
                attrs.put("logical", c.logicalType());
            }
            if (c.nullable()) {
                attrs.put("nullable", "true");
            }
            if (c.unsupported() != null) {
                attrs.put("unsupported", c.unsupported());
            }
            items.add(new FileSummary.Item(c.name(), "column", c.dtype(), List.of(numRows), attrs));
        }
        return new FileSummary(path.toString(), "parquet", fileSize, props, items);
    }

    /** The summary of a file. */
    public static FileSummary summary(Path path) {
        try (ParquetFile f = open(path)) {
            return f.summary();
        }
    }

    /** Closes the file. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("parquet: cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
