package dev.hadron.io.root.compress;

/**
 * Decoder of the LZ4 block format (the raw sequence format, without the LZ4 frame), written from
 * the published format description. Every length and offset is checked, so malformed input ends in
 * an {@link IllegalStateException} describing the problem, never an out-of-bounds write.
 */
public final class Lz4Block {
    private Lz4Block() {
    }

    /**
     * Decodes {@code src[srcOff, srcOff + srcLen)} into {@code dst[dstOff, dstOff + dstLen)}, which
     * must be filled exactly.
     */
    public static void decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) {
        int ip = srcOff;
        int srcEnd = srcOff + srcLen;
        int op = dstOff;
        int dstEnd = dstOff + dstLen;
        while (true) {
            if (ip >= srcEnd) {
                throw new IllegalStateException("LZ4 block ends before its last literals");
            }
            int token = src[ip++] & 0xFF;
            int litLen = token >>> 4;
            if (litLen == 15) {
                int b;
                do {
                    if (ip >= srcEnd) {
                        throw new IllegalStateException("LZ4 literal length runs past the block");
                    }
                    b = src[ip++] & 0xFF;
                    litLen += b;
                } while (b == 255 && litLen < dstLen);
            }
            if (litLen > srcEnd - ip || litLen > dstEnd - op) {
                throw new IllegalStateException("LZ4 literal run of " + litLen + " bytes exceeds the input or output");
            }
            System.arraycopy(src, ip, dst, op, litLen);
            ip += litLen;
            op += litLen;
            if (ip == srcEnd) {
                break;
            }
            if (srcEnd - ip < 2) {
                throw new IllegalStateException("LZ4 match offset cut off");
            }
            int offset = (src[ip] & 0xFF) | (src[ip + 1] & 0xFF) << 8;
            ip += 2;
            if (offset == 0 || offset > op - dstOff) {
                throw new IllegalStateException("LZ4 match offset " + offset + " points before the output start");
            }
            int matchLen = token & 15;
            if (matchLen == 15) {
                int b;
                do {
                    if (ip >= srcEnd) {
                        throw new IllegalStateException("LZ4 match length runs past the block");
                    }
                    b = src[ip++] & 0xFF;
                    matchLen += b;
                } while (b == 255 && matchLen < dstLen);
            }
            matchLen += 4;
            if (matchLen > dstEnd - op) {
                throw new IllegalStateException("LZ4 match of " + matchLen + " bytes runs past the expected output size");
            }
            int from = op - offset;
            if (offset >= matchLen) {
                System.arraycopy(dst, from, dst, op, matchLen);
                op += matchLen;
            } else {
                for (int i = 0; i < matchLen; i++) {
                    dst[op++] = dst[from++];
                }
            }
        }
        if (op != dstEnd) {
            throw new IllegalStateException("LZ4 block decoded to " + (op - dstOff) + " bytes, expected " + dstLen);
        }
    }
}
