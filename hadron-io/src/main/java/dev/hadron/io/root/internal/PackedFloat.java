package dev.hadron.io.root.internal;

/**
 * The storage of ROOT's {@code Float16_t} and {@code Double32_t}, decided by the range specification
 * in the member's or leaf's title ({@code "[xmin,xmax]"} or {@code "[xmin,xmax,nbits]"}):
 * <ul>
 *   <li>no specification: {@code Double32_t} is stored as a 4-byte float, {@code Float16_t} as a
 *       truncated float with 12 mantissa bits;</li>
 *   <li>{@code xmin == xmax == 0} with {@code nbits}: a truncated float (one exponent byte, two bytes of
 *       sign and {@code nbits} mantissa bits);</li>
 *   <li>otherwise: an unsigned 32-bit integer {@code k}, value {@code xmin + k * (xmax - xmin) / 2^nbits}.</li>
 * </ul>
 *
 * @param plainFloat true when the value is a plain 4-byte float (Double32_t without range)
 * @param truncated  true for the exponent-and-mantissa form
 */
public record PackedFloat(boolean plainFloat, boolean truncated, double low, double high, int nbits) {

    /** Bytes per stored value. */
    public int itemSize() {
        return truncated ? 3 : 4;
    }

    /** The storage described by {@code title}, for a Float16_t ({@code float16}) or a Double32_t. */
    public static PackedFloat fromTitle(String title, boolean float16) {
        double[] spec = parseSpec(title);
        if (spec == null) {
            return float16 ? new PackedFloat(false, true, 0, 0, 12) : new PackedFloat(true, false, 0, 0, 0);
        }
        int nbits = spec.length == 3 ? (int) spec[2] : 32;
        if (nbits < 2 || nbits > 32) {
            nbits = 32;
        }
        boolean truncated = spec[0] == 0 && spec[1] == 0;
        if (truncated && nbits > 23) {
            nbits = 23;
        }
        return new PackedFloat(false, truncated, spec[0], spec[1], nbits);
    }

    /** Decodes one value stored at {@code data[at]}. */
    public double decode(byte[] data, int at) {
        if (plainFloat) {
            return RBuffer.getF32(data, at);
        }
        if (truncated) {
            int exp = data[at] & 0xFF;
            int man = ((data[at + 1] & 0xFF) << 8) | (data[at + 2] & 0xFF);
            int bits = exp << 23 | (man & ((1 << (nbits + 1)) - 1)) << (23 - nbits);
            float f = Float.intBitsToFloat(bits);
            return ((1 << (nbits + 1)) & man) != 0 ? -f : f;
        }
        long k = RBuffer.getI32(data, at) & 0xFFFFFFFFL;
        return low + k * ((high - low) / Math.pow(2, nbits));
    }

    /** The numbers in the first {@code [...]} of a title, or null when there is none that parses. */
    static double[] parseSpec(String title) {
        if (title == null) {
            return null;
        }
        int l = title.indexOf('[');
        int r = l < 0 ? -1 : title.indexOf(']', l);
        if (l < 0 || r < 0) {
            return null;
        }
        String[] parts = title.substring(l + 1, r).split(",");
        if (parts.length != 2 && parts.length != 3) {
            return null;
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Double v = evaluate(parts[i].trim());
            if (v == null) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** Evaluates a number, optionally a product or quotient with pi/twopi ("2*pi", "-pi/2"). */
    private static Double evaluate(String s) {
        if (s.isEmpty()) {
            return null;
        }
        double sign = 1;
        if (s.startsWith("-")) {
            sign = -1;
            s = s.substring(1).trim();
        }
        double value = 1;
        char op = '*';
        int i = 0;
        while (i <= s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) != '*' && s.charAt(j) != '/') {
                j++;
            }
            String tok = s.substring(i, j).trim().toLowerCase(java.util.Locale.ROOT);
            double t;
            if (tok.equals("pi")) {
                t = Math.PI;
            } else if (tok.equals("twopi")) {
                t = 2 * Math.PI;
            } else {
                try {
                    t = Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            value = op == '*' ? value * t : value / t;
            if (j >= s.length()) {
                break;
            }
            op = s.charAt(j);
            i = j + 1;
        }
        return sign * value;
    }
}
