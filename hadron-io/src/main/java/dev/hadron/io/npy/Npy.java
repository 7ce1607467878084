package dev.hadron.io.npy;

import dev.hadron.io.FileSummary;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes NumPy {@code .npy} arrays (format versions 1.0, 2.0 and 3.0), without Python.
 *
 * <p>Reading maps numpy dtypes to Hadron's: {@code bool} to BOOL; {@code int8}, {@code int16},
 * {@code uint8}, {@code uint16} and {@code int32} to INT32; {@code uint32} and {@code int64} to INT64;
 * {@code uint64} to INT64 when every value fits (else a clear error); {@code float16} and
 * {@code float32} to FLOAT32 (float16 converted exactly); {@code float64} to FLOAT64. Both byte orders
 * and C and Fortran memory order are read; the result is always a C-contiguous tensor. Object arrays
 * (pickles) are refused, since loading them can run code; strings, complex numbers, dates and
 * structured dtypes are refused with a message saying so. The header is validated and the data size
 * checked against the file before anything large is allocated.
 *
 * <p>Writing produces exactly the bytes {@code numpy.save} writes for the same array (little-endian,
 * C order, header padded to 64 bytes), through a temporary file moved into place.
 *
 * <pre>{@code
 * Tensor x = Npy.read(Path.of("features.npy"));
 * Npy.write(Path.of("scores.npy"), model.forward(x));
 * }</pre>
 */
public final class Npy {
    private static final int CHUNK = 1 << 16;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /** Reads an {@code .npy} file. */
    public static Tensor read(Path path) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), CHUNK)) {
            return read(in, path.toString(), Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The header of an {@code .npy} file: dtype, shape, order. */
    public static NpyHeader header(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return readHeader(in, path.toString(), Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The array of an {@code .npy} file as a one-item summary. */
    public static FileSummary summary(Path path) {
        NpyHeader h = header(path);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("descr", h.descr());
        props.put("fortran_order", String.valueOf(h.fortranOrder()));
        String stem = path.getFileName().toString().replaceFirst("\\.npy$", "");
        FileSummary.Item item = new FileSummary.Item(stem, "array", h.dtypeName(), h.shapeList());
        try {
            return new FileSummary(path.toString(), "npy", Files.size(path), props, List.of(item));
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an array from a stream positioned at its magic. {@code source} names it in errors;
     * {@code size} is the number of bytes the array occupies (header included), or -1 if unknown.
     */
    static Tensor read(InputStream in, String source, long size) throws IOException {
        NpyHeader h = readHeader(in, source, size);
        long bytes = h.dataBytes();
        if (size >= 0 && h.dataOffset() + bytes != size) {
            long have = size - h.dataOffset();
            throw NpyHeader.bad(source, "header announces " + h.dtypeName() + " " + h.shapeList() + " = " + bytes
                    + " bytes of data but " + (have < bytes ? "only " : "") + have + " bytes follow the header"
                    + (have < bytes ? " (truncated file?)" : ""));
        }
        Tensor t = readData(in, h, source);
        if (size < 0 && in.read() >= 0) {
            throw NpyHeader.bad(source, "unexpected bytes after the " + bytes + " bytes of data the header announces");
        }
        return t;
    }

    static NpyHeader readHeader(InputStream in, String source, long size) throws IOException {
        byte[] pre = in.readNBytes(12);
        if (pre.length < 10) {
            throw NpyHeader.bad(source, "too short (" + pre.length + " bytes) for an .npy header");
        }
        for (int i = 0; i < NpyHeader.MAGIC.length; i++) {
            if (pre[i] != NpyHeader.MAGIC[i]) {
                throw NpyHeader.bad(source, "not an .npy array: it does not start with the magic \\x93NUMPY");
            }
        }
        int major = pre[6] & 0xff;
        long headerLen = major == 1 ? (pre[8] & 0xff) | (pre[9] & 0xff) << 8
                : pre.length < 12 ? -1 : (pre[8] & 0xffL) | (pre[9] & 0xffL) << 8 | (pre[10] & 0xffL) << 16
                        | (pre[11] & 0xffL) << 24;
        long total = (major == 1 ? 10 : 12) + headerLen;
        if (headerLen < 0 || total > (1 << 20) + 12 || (size >= 0 && total > size)) {
            // let the parser produce the precise message
            return NpyHeader.parse(pre, pre.length, source);
        }
        if (total < pre.length) {
            throw NpyHeader.bad(source, "header length " + headerLen + " is too small to hold a header dictionary");
        }
        byte[] all = Arrays.copyOf(pre, (int) total);
        int more = (int) total - pre.length;
        if (more > 0) {
            int got = in.readNBytes(all, pre.length, more);
            if (got < more) {
                throw NpyHeader.bad(source, "header of " + headerLen + " bytes is cut short after " + (pre.length + got
                        - (major == 1 ? 10 : 12)) + " bytes");
            }
        }
        NpyHeader h = NpyHeader.parse(all, (int) total, source);
        if (h.numel() > MAX_ELEMENTS) {
            throw NpyHeader.bad(source, "shape " + h.shapeList() + " has " + h.numel() + " elements; a tensor holds at"
                    + " most " + MAX_ELEMENTS);
        }
        for (long d : h.shape()) {
            if (d > Integer.MAX_VALUE) {
                throw NpyHeader.bad(source, "dimension " + d + " of shape " + h.shapeList() + " is too large");
            }
        }
        return h;
    }

    private static int[] intShape(long[] shape) {
        int[] s = new int[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (int) shape[i];
        }
        return s;
    }

    private static Tensor readData(InputStream in, NpyHeader h, String source) throws IOException {
        int n = (int) h.numel();
        int size = h.itemSize();
        Storage storage = switch (h.kind()) {
            case 'b' -> new Storage.Bool(new byte[n]);
            case 'f' -> size == 8 ? new Storage.F64(new double[n]) : new Storage.F32(new float[n]);
            default -> (h.kind() == 'i' && size <= 4) || (h.kind() == 'u' && size <= 2) ? new Storage.I32(new int[n])
                    : new Storage.I64(new long[n]);
        };
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max((long) n * size, 1))];
        int perChunk = chunk.length / size;
        int done = 0;
        while (done < n) {
            int count = Math.min(perChunk, n - done);
            int got = in.readNBytes(chunk, 0, count * size);
            if (got < count * size) {
                throw NpyHeader.bad(source, "data ends after " + ((long) done * size + got) + " of the " + h.dataBytes()
                        + " bytes the header announces (truncated file?)");
            }
            ByteBuffer b = ByteBuffer.wrap(chunk, 0, count * size).order(h.order());
            decode(b, h, storage, done, count, source);
            done += count;
        }
        int[] shape = intShape(h.shape());
        if (!h.fortranOrder() || shape.length < 2) {
            return Tensor.wrap(storage, shape);
        }
        int[] reversed = new int[shape.length];
        int[] perm = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            reversed[i] = shape[shape.length - 1 - i];
            perm[i] = shape.length - 1 - i;
        }
        return Tensor.wrap(storage, reversed).permute(perm).contiguous();
    }

    private static void decode(ByteBuffer b, NpyHeader h, Storage out, int at, int count, String source) {
        switch (out) {
            case Storage.Bool s -> {
                for (int i = 0; i < count; i++) {
                    s.data[at + i] = b.get() != 0 ? (byte) 1 : 0;
                }
            }
            case Storage.F64 s -> b.asDoubleBuffer().get(s.data, at, count);
            case Storage.F32 s -> {
                if (h.itemSize() == 2) {
                    for (int i = 0; i < count; i++) {
                        s.data[at + i] = Float.float16ToFloat(b.getShort());
                    }
                } else {
                    b.asFloatBuffer().get(s.data, at, count);
                }
            }
            case Storage.I32 s -> {
                boolean unsigned = h.kind() == 'u';
                for (int i = 0; i < count; i++) {
                    s.data[at + i] = switch (h.itemSize()) {
                        case 1 -> unsigned ? b.get() & 0xff : b.get();
                        case 2 -> unsigned ? b.getShort() & 0xffff : b.getShort();
                        default -> b.getInt();
                    };
                }
            }
            case Storage.I64 s -> {
                for (int i = 0; i < count; i++) {
                    long v = h.itemSize() == 4 ? b.getInt() & 0xffffffffL : b.getLong();
                    if (h.kind() == 'u' && h.itemSize() == 8 && v < 0) {
                        throw NpyHeader.bad(source, "uint64 element " + (at + i) + " is " + Long.toUnsignedString(v)
                                + ", larger than the int64 maximum Hadron can hold");
                    }
                    s.data[at + i] = v;
                }
            }
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes a tensor as {@code .npy} (version 1.0, little-endian, C order), as {@code numpy.save} would. */
    public static void write(Path path, Tensor t) {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), CHUNK)) {
            write(out, t);
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot write " + path + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot move " + tmp + " to " + path + ": " + e.getMessage(), e);
        }
    }

    /** The {@code .npy} bytes of a tensor. */
    public static byte[] toBytes(Tensor t) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            write(bos, t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    static void write(OutputStream out, Tensor tensor) throws IOException {
        Tensor t = tensor.detach().contiguous();
        DType dt = t.dtype();
        String descr = switch (dt) {
            case BOOL -> "|b1";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
        };
        int[] shape = t.shape();
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        sh.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + sh + ", }";
        int hlen = dict.length() + 1;
        boolean v1 = hlen + 10 + 64 <= 65535;
        int pre = v1 ? 10 : 12;
        int pad = 64 - ((pre + hlen) % 64); // 1..64, exactly as numpy pads
        String header = dict + " ".repeat(pad) + "\n";
        byte[] hb = header.getBytes(StandardCharsets.ISO_8859_1);
        out.write(NpyHeader.MAGIC);
        out.write(v1 ? 1 : 2);
        out.write(0);
        out.write(hb.length & 0xff);
        out.write((hb.length >>> 8) & 0xff);
        if (!v1) {
            out.write((hb.length >>> 16) & 0xff);
            out.write((hb.length >>> 24) & 0xff);
        }
        out.write(hb);
        int n = t.numel();
        int size = dt.byteSize();
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, CHUNK - CHUNK % size)).order(ByteOrder.LITTLE_ENDIAN);
        Storage s = t.storage();
        int off = t.storageOffset();
        for (int i = 0; i < n; i++) {
            if (b.remaining() < size) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
            switch (s) {
                case Storage.Bool x -> b.put(x.data[off + i]);
                case Storage.I32 x -> b.putInt(x.data[off + i]);
                case Storage.I64 x -> b.putLong(x.data[off + i]);
                case Storage.F32 x -> b.putFloat(x.data[off + i]);
                case Storage.F64 x -> b.putDouble(x.data[off + i]);
            }
        }
        out.write(b.array(), 0, b.position());
    }
}
