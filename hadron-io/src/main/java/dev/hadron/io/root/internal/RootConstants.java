package dev.hadron.io.root.internal;

/** Type codes and flags of ROOT's streaming format (TStreamerInfo::EReadWrite, TBufferFile). */
public final class RootConstants {
    private RootConstants() {
    }

    public static final int K_BYTE_COUNT_MASK = 0x40000000;
    public static final int K_NEW_CLASS_TAG = 0xFFFFFFFF;
    public static final int K_CLASS_MASK = 0x80000000;
    public static final int K_MAP_OFFSET = 2;
    public static final int K_IS_REFERENCED = 1 << 4;
    public static final int K_STREAMED_MEMBERWISE = 0x4000;

    public static final int K_BASE = 0;
    public static final int K_CHAR = 1;
    public static final int K_SHORT = 2;
    public static final int K_INT = 3;
    public static final int K_LONG = 4;
    public static final int K_FLOAT = 5;
    public static final int K_COUNTER = 6;
    public static final int K_CHAR_STAR = 7;
    public static final int K_DOUBLE = 8;
    public static final int K_DOUBLE32 = 9;
    public static final int K_LEGACY_CHAR = 10;
    public static final int K_UCHAR = 11;
    public static final int K_USHORT = 12;
    public static final int K_UINT = 13;
    public static final int K_ULONG = 14;
    public static final int K_BITS = 15;
    public static final int K_LONG64 = 16;
    public static final int K_ULONG64 = 17;
    public static final int K_BOOL = 18;
    public static final int K_FLOAT16 = 19;
    public static final int K_OFFSET_L = 20;
    public static final int K_OFFSET_P = 40;
    public static final int K_OBJECT = 61;
    public static final int K_ANY = 62;
    public static final int K_OBJECTP = 63;
    public static final int K_OBJECT_P = 64;
    public static final int K_TSTRING = 65;
    public static final int K_TOBJECT = 66;
    public static final int K_TNAMED = 67;
    public static final int K_ANYP = 68;
    public static final int K_ANY_P = 69;
    public static final int K_STLP = 71;
    public static final int K_STL = 300;
    public static final int K_STL_STRING = 365;
    public static final int K_STREAMER = 500;
    public static final int K_STREAM_LOOP = 501;
}
