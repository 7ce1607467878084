package dev.hadron.io.hdf5;

import dev.hadron.io.internal.compress.CorruptDataException;
import dev.hadron.io.internal.compress.Lz4;
import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.Filter;

/**
 * HDF5's LZ4 filter (registered id 32004) decoded with Hadron's pure-Java LZ4 block decoder. It
 * replaces jHDF's own, which needs lz4-java (a library that bundles native code and which Hadron
 * does not ship). Layout: the total size (8 bytes, big-endian), the block size (4 bytes), then per
 * block its compressed size (4 bytes) and the LZ4 block, or the raw bytes when the sizes are equal.
 */
final class Lz4HdfFilter implements Filter {
    @Override
    public int getId() {
        return 32004;
    }

    @Override
    public String getName() {
        return "lz4";
    }

    private static long readBE(byte[] b, int p, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (b[p + i] & 0xff);
        }
        return v;
    }

    @Override
    public byte[] decode(byte[] in, int[] filterData) {
        if (in.length < 12) {
            throw new HdfFilterException("LZ4 chunk of " + in.length + " bytes is shorter than its header");
        }
        long total = readBE(in, 0, 8);
        long blockSize = readBE(in, 8, 4);
        if (total > Integer.MAX_VALUE - 8 || blockSize <= 0 || total > 256L * in.length + 1024) {
            throw new HdfFilterException("LZ4 chunk declares " + total + " bytes in blocks of " + blockSize
                    + ", impossible for " + in.length + " compressed bytes");
        }
        byte[] out = new byte[(int) total];
        int p = 12;
        int op = 0;
        try {
            while (op < total) {
                if (in.length - p < 4) {
                    throw new HdfFilterException("LZ4 chunk cut short at byte " + p);
                }
                long size = readBE(in, p, 4);
                p += 4;
                int block = (int) Math.min(blockSize, total - op);
                if (size > in.length - p) {
                    throw new HdfFilterException("LZ4 block of " + size + " bytes runs past the chunk");
                }
                if (size == block) {
                    System.arraycopy(in, p, out, op, block);
                } else {
                    int n = Lz4.decompress(in, p, (int) size, out, op, block);
                    if (n != block) {
                        throw new HdfFilterException("LZ4 block decoded to " + n + " bytes, expected " + block);
                    }
                }
                p += (int) size;
                op += block;
            }
        } catch (CorruptDataException e) {
            throw new HdfFilterException("corrupt LZ4 block: " + e.getMessage(), e);
        }
        return out;
    }
}
