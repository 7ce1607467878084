package dev.hadron.cli.predict;

import dev.hadron.cli.CliException;
import dev.hadron.cli.ExitCode;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes scores chunk by chunk: CSV (a header with one column per output, e.g. {@code score_QCD,score_W}),
 * NumPy {@code .npy} (float32, shape (events, outputs); the header is rewritten with the final row
 * count at the end) or Parquet (one float32 column per output, one row group per chunk;
 * {@link ParquetScoreWriter}).
 */
public abstract sealed class ScoreWriter implements AutoCloseable permits ScoreWriter.Csv, ScoreWriter.Npy, ScoreWriter.Parquet {
    /** Opens a writer for {@code file}, chosen by its extension. */
    public static ScoreWriter open(Path file, List<String> columns) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (n.endsWith(".npy")) {
                return new Npy(file, columns.size());
            }
            if (n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv")) {
                return new Csv(file, columns, n.endsWith(".tsv") ? '\t' : ',');
            }
            if (n.endsWith(".parquet") || n.endsWith(".pq")) {
                return new Parquet(file, columns);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "predict: cannot write " + file + ": " + e.getMessage(), e);
        }
        throw CliException.usage("predict: output " + file + " has an unknown extension; use .csv, .tsv, .npy or .parquet");
    }

    /** Appends rows (events, outputs). */
    public abstract void write(Tensor scores) throws IOException;

    @Override
    public abstract void close() throws IOException;

    /** Text output. */
    static final class Csv extends ScoreWriter {
        private final BufferedWriter w;
        private final char sep;

        Csv(Path file, List<String> columns, char sep) throws IOException {
            this.w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.sep = sep;
            w.write(String.join(String.valueOf(sep), columns));
            w.write('\n');
        }

        @Override
        public void write(Tensor scores) throws IOException {
            int n = scores.size(0);
            int k = scores.size(1);
            double[] v = scores.to(DType.FLOAT64).contiguous().toDoubleArray();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (int j = 0; j < k; j++) {
                    if (j > 0) {
                        sb.append(sep);
                    }
                    sb.append((float) v[i * k + j]);
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }

    /** NumPy output. */
    static final class Npy extends ScoreWriter {
        private static final int HEADER = 128;
        private final Path file;
        private final int k;
        private final OutputStream out;
        private long rows;

        Npy(Path file, int k) throws IOException {
            this.file = file;
            this.k = k;
            this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file));
            out.write(header(0));
        }

        private byte[] header(long n) {
            String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ", " + k + "), }";
            StringBuilder sb = new StringBuilder(dict);
            while (10 + sb.length() + 1 < HEADER) {
                sb.append(' ');
            }
            sb.append('\n');
            ByteBuffer b = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
            b.putShort((short) (HEADER - 10));
            b.put(sb.toString().getBytes(StandardCharsets.US_ASCII));
            return b.array();
        }

        @Override
        public void write(Tensor scores) throws IOException {
            float[] v = scores.to(DType.FLOAT32).contiguous().toFloatArray();
            ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            out.write(b.array());
            rows += scores.size(0);
        }

        @Override
        public void close() throws IOException {
            out.close();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.write(header(rows));
            }
        }
    }

    /** Parquet output. */
    static final class Parquet extends ScoreWriter {
        private final ParquetScoreWriter w;

        Parquet(Path file, List<String> columns) throws IOException {
            this.w = new ParquetScoreWriter(file, columns);
        }

        @Override
        public void write(Tensor scores) throws IOException {
            w.writeRows(scores.to(DType.FLOAT32).contiguous().toFloatArray(), scores.size(0));
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }
}
