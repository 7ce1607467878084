package dev.hadron.io.root.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Float16_t and Double32_t storage as ROOT writes it. */
class PackedFloatTest {

    @Test
    void double32WithRangeIsAScaledInteger() {
        PackedFloat p = PackedFloat.fromTitle("energy [0,100,16]", false);
        assertFalse(p.truncated());
        assertEquals(4, p.itemSize());
        byte[] b = {0, 0, 0x30, 0x39}; // 12345
        assertEquals(12345 * 100.0 / 65536, p.decode(b, 0), 1e-12);
        PackedFloat angle = PackedFloat.fromTitle("phi[-pi,pi,8]", false);
        assertEquals(-Math.PI + 128 * 2 * Math.PI / 256, angle.decode(new byte[] {0, 0, 0, (byte) 128}, 0), 1e-12);
    }

    @Test
    void double32WithoutRangeIsAFloat() {
        PackedFloat p = PackedFloat.fromTitle("plain double32", false);
        assertTrue(p.plainFloat());
        int bits = Float.floatToIntBits(2.75f);
        byte[] b = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        assertEquals(2.75, p.decode(b, 0));
        ValueType vt = ValueType.ofCode(RootConstants.K_DOUBLE32, "plain double32");
        double[] out = new double[1];
        vt.decode(b, 0, 1, out, 0);
        assertEquals(2.75, out[0]);
    }

    @Test
    void float16IsATruncatedFloat() {
        PackedFloat p = PackedFloat.fromTitle("no range", true);
        assertTrue(p.truncated());
        assertEquals(12, p.nbits());
        assertEquals(3, p.itemSize());
        // 1.5f: exponent 127, top mantissa bit; the sign is bit nbits+1 of the mantissa field
        assertEquals(1.5, p.decode(new byte[] {127, 0x08, 0x00}, 0));
        assertEquals(-1.5, p.decode(new byte[] {127, 0x28, 0x00}, 0));
        PackedFloat zeroRange = PackedFloat.fromTitle("x[0,0,10]", true);
        assertTrue(zeroRange.truncated());
        assertEquals(10, zeroRange.nbits());
        assertEquals(1.5, zeroRange.decode(new byte[] {127, 0x02, 0x00}, 0));
    }
}
