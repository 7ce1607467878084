package dev.hadron.tensor;

import dev.hadron.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes named tensors in the safetensors format used by PyTorch, JAX and Hugging Face:
 * an 8-byte little-endian header length, a JSON header mapping names to dtype, shape and byte range,
 * then the raw little-endian data. Files written here load with {@code safetensors.torch.load_file}
 * and vice versa.
 *
 * <p>Reading validates everything before allocating: header size, JSON, dtypes, shapes, that byte
 * ranges match shapes, lie inside the file, do not overlap and leave no gaps. Besides Hadron's
 * dtypes it reads F16, BF16 (as float32) and I8, U8, I16, U16 (as int32), U32 (as int64). Writing
 * goes to a temporary file renamed into place, so a crash never leaves a half-written file.
 */
public final class Safetensors {
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final String METADATA = "__metadata__";

    private Safetensors() {
    }

    /** Tensors and the free-form string metadata of a file. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** Loads all tensors, in file order. */
    public static Map<String, Tensor> load(Path path) {
        return read(path).tensors();
    }

    /** Loads all tensors and the metadata. */
    public static Contents read(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(ch, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("safetensors: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private record Entry(String name, String dtype, int[] shape, long begin, long end) {
    }

    private static IllegalArgumentException bad(String file, String what) {
        return new IllegalArgumentException("safetensors file " + file + ": " + what);
    }

    private static Contents read(FileChannel ch, String file) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw bad(file, "too short (" + size + " bytes) to hold a header");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0, file);
        long headerLen = lenBuf.flip().getLong();
        if (headerLen < 2 || headerLen > MAX_HEADER || headerLen > size - 8) {
            throw bad(file, "declared header size " + headerLen + " is invalid (file has " + size + " bytes)");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
        readFully(ch, hb, 8, file);
        String headerText = new String(hb.array(), StandardCharsets.UTF_8);
        Map<String, Object> header;
        try {
            header = Json.parseObject(headerText.strip());
        } catch (IllegalArgumentException e) {
            throw bad(file, "malformed header: " + e.getMessage());
        }
        long dataStart = 8 + headerLen;
        long dataSize = size - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                if (!(e.getValue() instanceof Map<?, ?> m)) {
                    throw bad(file, "__metadata__ must be an object of strings");
                }
                for (Map.Entry<?, ?> me : m.entrySet()) {
                    if (!(me.getValue() instanceof String s)) {
                        throw bad(file, "__metadata__ value for '" + me.getKey() + "' is not a string");
                    }
                    metadata.put(String.valueOf(me.getKey()), s);
                }
                continue;
            }
            entries.add(entry(file, e.getKey(), e.getValue(), dataSize));
        }
        entries.sort(Comparator.comparingLong(Entry::begin));
        long expected = 0;
        for (Entry en : entries) {
            if (en.begin != expected) {
                throw bad(file, "tensor '" + en.name + "' starts at byte " + en.begin + " but the previous data ends at "
                        + expected + " (gaps and overlaps are not allowed)");
            }
            expected = en.end;
        }
        if (expected != dataSize) {
            throw bad(file, "tensor data ends at byte " + expected + " but the data section has " + dataSize + " bytes");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry en : entries) {
            ByteBuffer buf = ByteBuffer.allocate((int) (en.end - en.begin)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, buf, dataStart + en.begin, file);
            buf.flip();
            tensors.put(en.name, decode(en, buf));
        }
        return new Contents(tensors, metadata);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position, String file) throws IOException {
        long p = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                throw bad(file, "truncated: expected " + buf.remaining() + " more bytes at offset " + p);
            }
            p += n;
        }
    }

    private static int elementSize(String file, String name, String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "I8", "U8", "BOOL" -> 1;
            default -> throw bad(file, "tensor '" + name + "' has unsupported dtype '" + dtype + "'");
        };
    }

    private static Entry entry(String file, String name, Object value, long dataSize) {
        if (!(value instanceof Map<?, ?> m)) {
            throw bad(file, "entry '" + name + "' is not an object");
        }
        if (!(m.get("dtype") instanceof String dtype)) {
            throw bad(file, "entry '" + name + "' has no dtype");
        }
        if (!(m.get("shape") instanceof List<?> shapeList)) {
            throw bad(file, "entry '" + name + "' has no shape");
        }
        if (!(m.get("data_offsets") instanceof List<?> offs) || offs.size() != 2
                || !(offs.get(0) instanceof Long begin) || !(offs.get(1) instanceof Long end)) {
            throw bad(file, "entry '" + name + "' has no valid data_offsets [begin, end]");
        }
        int[] shape = new int[shapeList.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw bad(file, "entry '" + name + "' has an invalid shape " + shapeList);
            }
            shape[i] = (int) (long) d;
            numel *= d;
            if (numel > Integer.MAX_VALUE) {
                throw bad(file, "entry '" + name + "' has more than 2^31 - 1 elements (shape " + shapeList + ")");
            }
        }
        int es = elementSize(file, name, dtype);
        if (begin < 0 || end < begin || end > dataSize) {
            throw bad(file, "entry '" + name + "' has byte range [" + begin + ", " + end + ") outside the data section of "
                    + dataSize + " bytes");
        }
        if (end - begin != numel * es) {
            throw bad(file, "entry '" + name + "' covers " + (end - begin) + " bytes but shape " + shapeList + " of " + dtype
                    + " needs " + numel * es);
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static Tensor decode(Entry e, ByteBuffer b) {
        int n = Shape.numel(e.shape);
        return switch (e.dtype) {
            case "F32" -> {
                float[] d = new float[n];
                b.asFloatBuffer().get(d);
                yield Tensor.wrap(d, e.shape);
            }
            case "F64" -> {
                double[] d = new double[n];
                b.asDoubleBuffer().get(d);
                yield Tensor.wrap(d, e.shape);
            }
            case "I64", "U64" -> {
                long[] d = new long[n];
                b.asLongBuffer().get(d);
                yield Tensor.wrap(d, e.shape);
            }
            case "I32" -> {
                int[] d = new int[n];
                b.asIntBuffer().get(d);
                yield Tensor.wrap(new Storage.I32(d), e.shape);
            }
            case "U32" -> {
                long[] d = new long[n];
                for (int i = 0; i < n; i++) {
                    d[i] = Integer.toUnsignedLong(b.getInt());
                }
                yield Tensor.wrap(d, e.shape);
            }
            case "BOOL" -> {
                byte[] d = new byte[n];
                b.get(d);
                for (int i = 0; i < n; i++) {
                    d[i] = d[i] != 0 ? (byte) 1 : 0;
                }
                yield Tensor.wrap(new Storage.Bool(d), e.shape);
            }
            case "F16", "BF16" -> {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) {
                    short s = b.getShort();
                    d[i] = e.dtype.equals("F16") ? Float.float16ToFloat(s) : Float.intBitsToFloat((s & 0xffff) << 16);
                }
                yield Tensor.wrap(d, e.shape);
            }
            default -> {
                int[] d = new int[n];
                for (int i = 0; i < n; i++) {
                    d[i] = switch (e.dtype) {
                        case "I8" -> b.get();
                        case "U8" -> b.get() & 0xff;
                        case "I16" -> b.getShort();
                        default -> b.getShort() & 0xffff;
                    };
                }
                yield Tensor.wrap(new Storage.I32(d), e.shape);
            }
        };
    }

    /** Saves tensors (in map order) atomically. */
    public static void save(Map<String, Tensor> tensors, Path path) {
        save(tensors, path, Map.of());
    }

    /** Saves tensors with string metadata, atomically (temporary file + rename). */
    public static void save(Map<String, Tensor> tensors, Path path, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, new LinkedHashMap<>(metadata));
        }
        long at = 0;
        List<Tensor> order = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("safetensors: '__metadata__' is reserved and cannot name a tensor");
            }
            Tensor t = e.getValue().detach();
            long bytes = (long) t.numel() * t.dtype().byteSize();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", t.dtype().safetensorsName());
            List<Object> shape = new ArrayList<>();
            for (int d : t.shape()) {
                shape.add((long) d);
            }
            info.put("shape", shape);
            info.put("data_offsets", List.of(at, at + bytes));
            header.put(e.getKey(), info);
            order.add(t);
            at += bytes;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = new byte[padded];
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            headerBytes[i] = ' ';
        }
        Path dir = path.toAbsolutePath().getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).flip();
                    writeFully(ch, len);
                    writeFully(ch, ByteBuffer.wrap(headerBytes));
                    for (Tensor t : order) {
                        writeFully(ch, encode(t));
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("safetensors: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static ByteBuffer encode(Tensor t) {
        int n = t.numel();
        ByteBuffer b = ByteBuffer.allocate(n * t.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32 -> b.asFloatBuffer().put(t.toFloatArray());
            case FLOAT64 -> b.asDoubleBuffer().put(t.toDoubleArray());
            case INT64 -> b.asLongBuffer().put(t.toLongArray());
            case INT32 -> b.asIntBuffer().put(t.toIntArray());
            case BOOL -> {
                for (boolean v : t.toBooleanArray()) {
                    b.put(v ? (byte) 1 : 0);
                }
                b.flip();
                return b;
            }
        }
        return b;
    }
}
