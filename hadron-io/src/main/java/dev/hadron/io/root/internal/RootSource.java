package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random access to the bytes of one ROOT file. Reads are positional, so several threads may read
 * baskets at the same time; every request is checked against the file size first.
 */
public final class RootSource implements AutoCloseable {
    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final long size;

    public RootSource(Path path) {
        this.path = path;
        this.name = path.toString();
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.size = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open ROOT file " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** Reads {@code length} bytes at {@code position}; {@code what} names the record for errors. */
    public byte[] read(long position, long length, String what) {
        if (position < 0 || length < 0 || length > Integer.MAX_VALUE - 16 || position > size - length) {
            throw new RootFormatException(name + ": " + what + " claims bytes [" + position + ", "
                    + (position + length) + ") but the file has " + size + " bytes (truncated or corrupted file)");
        }
        byte[] out = new byte[(int) length];
        ByteBuffer buf = ByteBuffer.wrap(out);
        try {
            long p = position;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, p);
                if (n < 0) {
                    throw new RootFormatException(name + ": unexpected end of file reading " + what + " at byte " + p);
                }
                p += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " from " + name + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }
}
