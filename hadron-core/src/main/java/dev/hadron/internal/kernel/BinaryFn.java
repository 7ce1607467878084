package dev.hadron.internal.kernel;

/** Elementwise functions of two arguments (broadcast). Values only; derivative rules live in the ops. */
public enum BinaryFn {
    ADD, SUB, MUL, DIV, POW, ATAN2, MAXIMUM, MINIMUM, REMAINDER, FLOOR_DIVIDE,
    EQ, NE, LT, LE, GT, GE,
    LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR;

    /** True when the result is a boolean comparison of the two values. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
    }

    /** True for the logical connectives (operands taken as booleans). */
    public boolean isLogical() {
        return ordinal() >= LOGICAL_AND.ordinal();
    }

    /** The value for floating operands. */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> UnaryFn.pow(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case MAXIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MINIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            case REMAINDER -> {
                double r = a % b;
                yield r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case FLOOR_DIVIDE -> Math.floor(a / b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LOGICAL_AND -> a != 0 && b != 0 ? 1 : 0;
            case LOGICAL_OR -> a != 0 || b != 0 ? 1 : 0;
            case LOGICAL_XOR -> (a != 0) != (b != 0) ? 1 : 0;
        };
    }

    /** The value for integer operands (exact; integer division by zero fails clearly). */
    public long applyLong(long a, long b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> throw new IllegalStateException("integer DIV is computed in floating point");
            case POW -> {
                if (b < 0) {
                    throw new ArithmeticException("pow: integers to negative integer powers are not allowed (exponent "
                            + b + "); convert to float first");
                }
                long r = 1;
                long base = a;
                long e = b;
                while (e > 0) {
                    if ((e & 1) == 1) {
                        r *= base;
                    }
                    base *= base;
                    e >>= 1;
                }
                yield r;
            }
            case ATAN2 -> throw new IllegalStateException("integer ATAN2 is computed in floating point");
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case REMAINDER -> {
                if (b == 0) {
                    throw new ArithmeticException("remainder: integer division by zero");
                }
                yield Math.floorMod(a, b);
            }
            case FLOOR_DIVIDE -> {
                if (b == 0) {
                    throw new ArithmeticException("floorDivide: integer division by zero");
                }
                yield Math.floorDiv(a, b);
            }
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LOGICAL_AND -> a != 0 && b != 0 ? 1 : 0;
            case LOGICAL_OR -> a != 0 || b != 0 ? 1 : 0;
            case LOGICAL_XOR -> (a != 0) != (b != 0) ? 1 : 0;
        };
    }
}
