package dev.hadron.internal.kernel;

/**
 * Whether the Vector API (the {@code jdk.incubator.vector} module) is available, decided once at
 * start-up. Kernels with a Vector API implementation select it when available and fall back to
 * scalar Java otherwise; {@code HADRON_SIMD=off} (or {@code -Dhadron.simd=off}) forces the scalar
 * path, which the tests use to check both.
 */
public final class Simd {
    /** True when Vector API kernels are in use. */
    public static final boolean ENABLED = detect();

    private Simd() {
    }

    private static boolean detect() {
        String v = System.getProperty("hadron.simd", System.getenv("HADRON_SIMD"));
        if (v != null && (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                || Simd.class.getModule().getLayer() == null && isLoadable();
    }

    private static boolean isLoadable() {
        try {
            Class.forName("jdk.incubator.vector.FloatVector", false, Simd.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
