package dev.hadron.cli.predict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal streaming Parquet writer for score tables: flat, required FLOAT (float32) columns, one row
 * group per {@link #writeRows} call, one uncompressed PLAIN data page (v1) per column chunk, and the
 * footer (Thrift compact protocol) written on {@link #close}. That is the simplest layout every Parquet
 * reader accepts (pyarrow, pandas, Spark, DuckDB, uproot via awkward); it holds nothing but the scores,
 * so compression, dictionaries and statistics would buy little. Only the row-group offsets and counts are
 * kept in memory, so any number of events can be written.
 */
final class ParquetScoreWriter implements AutoCloseable {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int TYPE_FLOAT = 4;
    private static final int REQUIRED = 0;
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int UNCOMPRESSED = 0;
    private static final int DATA_PAGE = 0;

    private final OutputStream out;
    private final List<String> columns;
    private final List<long[]> groups = new ArrayList<>();   // per row group: rows, then (offset, size) per column
    private long position;
    private long rows;

    ParquetScoreWriter(Path file, List<String> columns) throws IOException {
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.columns = List.copyOf(columns);
        write(MAGIC);
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
    }

    /** Appends {@code n} rows of row-major values (n × columns) as one row group. */
    void writeRows(float[] values, int n) throws IOException {
        int k = columns.size();
        if (values.length != (long) n * k) {
            throw new IllegalArgumentException("Parquet scores: " + values.length + " values for " + n + " rows of " + k + " columns");
        }
        if (n == 0) {
            return;
        }
        long[] g = new long[1 + 2 * k];
        g[0] = n;
        ByteBuffer page = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < k; c++) {
            page.clear();
            for (int i = 0; i < n; i++) {
                page.putFloat(values[i * k + c]);
            }
            Thrift h = new Thrift();
            h.i32(1, DATA_PAGE).i32(2, n * 4).i32(3, n * 4);
            h.beginStruct(5).i32(1, n).i32(2, PLAIN).i32(3, RLE).i32(4, RLE).endStruct();
            byte[] header = h.end();
            g[1 + 2 * c] = position;
            g[2 + 2 * c] = header.length + (long) n * 4;
            write(header);
            write(page.array());
        }
        groups.add(g);
        rows += n;
    }

    /** Writes the footer and closes the file. */
    @Override
    public void close() throws IOException {
        int k = columns.size();
        Thrift m = new Thrift();
        m.i32(1, 1);
        m.beginList(2, Thrift.STRUCT, k + 1);
        m.beginElement().string(4, "schema").i32(5, k).endStruct();
        for (String c : columns) {
            m.beginElement().i32(1, TYPE_FLOAT).i32(3, REQUIRED).string(4, c).endStruct();
        }
        m.i64(3, rows);
        m.beginList(4, Thrift.STRUCT, groups.size());
        for (long[] g : groups) {
            m.beginElement();
            m.beginList(1, Thrift.STRUCT, k);
            long bytes = 0;
            for (int c = 0; c < k; c++) {
                long offset = g[1 + 2 * c];
                long size = g[2 + 2 * c];
                bytes += size;
                m.beginElement().i64(2, offset);
                m.beginStruct(3).i32(1, TYPE_FLOAT);
                m.beginList(2, Thrift.I32, 2).element(PLAIN).element(RLE);
                m.beginList(3, Thrift.BINARY, 1).element(columns.get(c));
                m.i32(4, UNCOMPRESSED).i64(5, g[0]).i64(6, size).i64(7, size).i64(9, offset);
                m.endStruct();   // ColumnMetaData
                m.endStruct();   // ColumnChunk
            }
            m.i64(2, bytes).i64(3, g[0]);
            m.endStruct();       // RowGroup
        }
        m.string(6, "hadron predict");
        byte[] footer = m.end();
        write(footer);
        ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.length);
        write(len.array());
        write(MAGIC);
        out.close();
    }

    /** The Thrift compact protocol, just what the Parquet footer and page headers need. */
    private static final class Thrift {
        static final int I32 = 5;
        static final int I64 = 6;
        static final int BINARY = 8;
        static final int LIST = 9;
        static final int STRUCT = 12;

        private final ByteArrayOutputStream b = new ByteArrayOutputStream();
        private final java.util.ArrayDeque<Integer> lastIds = new java.util.ArrayDeque<>();
        private int lastId;

        private void field(int id, int type) {
            int delta = id - lastId;
            if (delta > 0 && delta <= 15) {
                b.write((delta << 4) | type);
            } else {
                b.write(type);
                varint(zigzag(id));
            }
            lastId = id;
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                b.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            b.write((int) v);
        }

        private static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }

        Thrift i32(int id, int v) {
            field(id, I32);
            varint(zigzag(v));
            return this;
        }

        Thrift i64(int id, long v) {
            field(id, I64);
            varint(zigzag(v));
            return this;
        }

        Thrift string(int id, String s) {
            field(id, BINARY);
            bytes(s);
            return this;
        }

        private void bytes(String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            varint(u.length);
            b.write(u, 0, u.length);
        }

        Thrift beginStruct(int id) {
            field(id, STRUCT);
            lastIds.push(lastId);
            lastId = 0;
            return this;
        }

        /** Starts a struct that is a list element (no field header). */
        Thrift beginElement() {
            lastIds.push(lastId);
            lastId = 0;
            return this;
        }

        Thrift endStruct() {
            b.write(0);
            lastId = lastIds.pop();
            return this;
        }

        Thrift beginList(int id, int elementType, int size) {
            field(id, LIST);
            if (size < 15) {
                b.write((size << 4) | elementType);
            } else {
                b.write(0xF0 | elementType);
                varint(size);
            }
            return this;
        }

        Thrift element(int v) {
            varint(zigzag(v));
            return this;
        }

        Thrift element(String s) {
            bytes(s);
            return this;
        }

        /** The bytes of a finished top-level struct (adds its stop byte). */
        byte[] end() {
            b.write(0);
            return b.toByteArray();
        }
    }
}
