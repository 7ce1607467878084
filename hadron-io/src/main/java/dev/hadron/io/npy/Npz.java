package dev.hadron.io.npy;

import dev.hadron.io.FileFormatException;
import dev.hadron.io.FileSummary;
import dev.hadron.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip of {@code .npy} arrays, stored
 * ({@code numpy.savez}) or deflated ({@code numpy.savez_compressed}). Array names are the entry names
 * without {@code .npy}, as {@code numpy.load} gives them. Every array is read and validated as in
 * {@link Npy}; errors name the archive and the entry.
 *
 * <pre>{@code
 * Map<String, Tensor> arrays = Npz.read(Path.of("jets.npz"));
 * Npz.write(Path.of("out.npz"), Map.of("scores", scores, "labels", labels), true);
 * }</pre>
 */
public final class Npz {
    private Npz() {
    }

    /** All arrays of an archive, in archive order. */
    public static Map<String, Tensor> read(Path path) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipFile zip = open(path)) {
            for (ZipEntry e : entries(zip, path)) {
                String source = path + "[" + e.getName() + "]";
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
                    out.put(arrayName(e), Npy.read(in, source, e.getSize()));
                } catch (ZipException | java.io.EOFException z) {
                    throw new FileFormatException(source, "corrupt zip entry: " + z.getMessage(), z);
                }
            }
        } catch (java.io.EOFException | ZipException e) {
            throw new FileFormatException(path, "truncated or corrupt .npz archive: " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException("npz: cannot read " + path + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The headers (dtype, shape) of all arrays, without reading their data. */
    public static Map<String, NpyHeader> headers(Path path) {
        Map<String, NpyHeader> out = new LinkedHashMap<>();
        try (ZipFile zip = open(path)) {
            for (ZipEntry e : entries(zip, path)) {
                String source = path + "[" + e.getName() + "]";
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(arrayName(e), Npy.readHeader(in, source, e.getSize()));
                } catch (ZipException | java.io.EOFException z) {
                    throw new FileFormatException(source, "corrupt zip entry: " + z.getMessage(), z);
                }
            }
        } catch (java.io.EOFException | ZipException e) {
            throw new FileFormatException(path, "truncated or corrupt .npz archive: " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException("npz: cannot read " + path + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The arrays of an archive with dtypes and shapes. */
    public static FileSummary summary(Path path) {
        List<FileSummary.Item> items = new ArrayList<>();
        headers(path).forEach((name, h) -> items.add(new FileSummary.Item(name, "array", h.dtypeName(), h.shapeList(),
                Map.of("descr", h.descr()))));
        try {
            return new FileSummary(path.toString(), "npz", Files.size(path), Map.of("arrays", String.valueOf(items.size())),
                    items);
        } catch (IOException e) {
            throw new UncheckedIOException("npz: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path path) throws IOException {
        try {
            return new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new FileFormatException(path, "not a valid .npz (zip) archive: " + e.getMessage(), e);
        }
    }

    private static List<ZipEntry> entries(ZipFile zip, Path path) {
        List<ZipEntry> list = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (e.isDirectory()) {
                continue;
            }
            if (!e.getName().endsWith(".npy")) {
                throw new FileFormatException(path, "entry '" + e.getName() + "' is not an .npy array; an .npz archive"
                        + " holds only .npy entries");
            }
            list.add(e);
        }
        return list;
    }

    private static String arrayName(ZipEntry e) {
        String n = e.getName();
        return n.substring(0, n.length() - 4);
    }

    /**
     * Writes arrays to an archive, deflated ({@code compress}, like {@code numpy.savez_compressed}) or
     * stored (like {@code numpy.savez}). Names must be non-empty; the file appears only when complete.
     */
    public static void write(Path path, Map<String, Tensor> arrays, boolean compress) {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (OutputStream fos = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(fos)) {
            for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
                if (a.getKey() == null || a.getKey().isEmpty()) {
                    throw new IllegalArgumentException("Npz.write: array names must be non-empty");
                }
                byte[] bytes = Npy.toBytes(a.getValue());
                ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                if (compress) {
                    e.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(bytes.length);
                    e.setCompressedSize(bytes.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("npz: cannot write " + path + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("npz: cannot move " + tmp + " to " + path + ": " + e.getMessage(), e);
        }
    }
}
