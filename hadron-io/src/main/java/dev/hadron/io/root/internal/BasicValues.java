package dev.hadron.io.root.internal;

import static dev.hadron.io.root.internal.RootConstants.*;

/** Reading of ROOT's basic member types (codes 1-19) as single values and fixed-length arrays. */
final class BasicValues {
    private BasicValues() {
    }

    /** Bytes one value of a basic type occupies on disk (-1 when it depends on the title). */
    static int size(int type) {
        return switch (type) {
            case K_CHAR, K_UCHAR, K_BOOL, K_LEGACY_CHAR -> 1;
            case K_SHORT, K_USHORT -> 2;
            case K_INT, K_UINT, K_FLOAT, K_COUNTER, K_BITS -> 4;
            case K_LONG, K_ULONG, K_LONG64, K_ULONG64, K_DOUBLE -> 8;
            default -> -1;
        };
    }

    static Object readScalar(RBuffer b, int type, String title) {
        return switch (type) {
            case K_CHAR, K_LEGACY_CHAR -> (int) b.i8();
            case K_UCHAR -> b.u8();
            case K_SHORT -> (int) b.i16();
            case K_USHORT -> b.u16();
            case K_INT, K_COUNTER -> b.i32();
            case K_UINT, K_BITS -> b.u32();
            case K_LONG, K_ULONG, K_LONG64, K_ULONG64 -> b.i64();
            case K_FLOAT -> b.f32();
            case K_DOUBLE -> b.f64();
            case K_BOOL -> b.bool();
            case K_DOUBLE32, K_FLOAT16 -> {
                PackedFloat p = PackedFloat.fromTitle(title, type == K_FLOAT16);
                b.need(p.itemSize());
                double v = p.decode(b.array(), b.pos());
                b.skip(p.itemSize());
                yield type == K_FLOAT16 ? (Object) (float) v : (Object) v;
            }
            default -> throw b.fail("unknown basic type code " + type);
        };
    }

    static Object readArray(RBuffer b, int type, int n, String title) {
        int size = size(type);
        if (size > 0) {
            b.count(n, size, "array");
        }
        switch (type) {
            case K_BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = b.bool();
                }
                return a;
            }
            case K_CHAR, K_LEGACY_CHAR, K_UCHAR, K_SHORT, K_USHORT, K_INT, K_COUNTER -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((Number) readScalar(b, type, title)).intValue();
                }
                return a;
            }
            case K_UINT, K_BITS, K_LONG, K_ULONG, K_LONG64, K_ULONG64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((Number) readScalar(b, type, title)).longValue();
                }
                return a;
            }
            case K_FLOAT, K_FLOAT16 -> {
                if (type == K_FLOAT16) {
                    b.count(n, 3, "Float16_t array");
                }
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((Number) readScalar(b, type, title)).floatValue();
                }
                return a;
            }
            case K_DOUBLE, K_DOUBLE32 -> {
                if (type == K_DOUBLE32) {
                    b.count(n, 3, "Double32_t array");
                }
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((Number) readScalar(b, type, title)).doubleValue();
                }
                return a;
            }
            default -> throw b.fail("unknown basic type code " + type);
        }
    }
}
