package dev.hadron.internal.autograd;

import java.util.Arrays;

/**
 * Per-thread autodiff mode: whether reverse-mode recording is on, which forward-mode levels are
 * active, which of them are visible (a JVP rule for level L runs with levels >= L hidden, as JAX
 * does, so a rule never differentiates itself), and whether anomaly detection is on.
 */
public final class Mode {
    private static final ThreadLocal<Mode> CURRENT = ThreadLocal.withInitial(Mode::new);
    private static int nextLevel = 1;

    boolean gradEnabled = true;
    int ceiling = Integer.MAX_VALUE;
    int[] activeLevels = new int[4];
    int activeCount;
    boolean anomaly;
    int transformDepth;
    /** The op whose backward rule is running on this thread (for anomaly messages), or null. */
    String backwardOf;

    private Mode() {
    }

    /** This thread's mode. */
    public static Mode current() {
        return CURRENT.get();
    }

    /** Whether operations are being recorded for reverse mode. */
    public static boolean isGradEnabled() {
        return current().gradEnabled;
    }

    /** Sets recording on or off; returns a scope that restores the previous state. */
    public static Scope setGradEnabled(boolean enabled) {
        Mode m = current();
        boolean previous = m.gradEnabled;
        m.gradEnabled = enabled;
        return () -> m.gradEnabled = previous;
    }

    /** Whether anomaly detection is on. */
    public static boolean isAnomalyEnabled() {
        return current().anomaly;
    }

    /** Turns anomaly detection on; returns a scope that restores the previous state. */
    public static Scope enableAnomaly() {
        Mode m = current();
        boolean previous = m.anomaly;
        m.anomaly = true;
        return () -> m.anomaly = previous;
    }

    /** A scope in which nothing is recorded and no tangent is visible: the forward kernels run here. */
    static Scope raw() {
        Mode m = current();
        boolean grad = m.gradEnabled;
        int ceiling = m.ceiling;
        m.gradEnabled = false;
        m.ceiling = Integer.MIN_VALUE;
        return () -> {
            m.gradEnabled = grad;
            m.ceiling = ceiling;
        };
    }

    /** Hides forward levels >= {@code level} while a JVP rule of that level runs. */
    static Scope hideLevelsFrom(int level) {
        Mode m = current();
        int previous = m.ceiling;
        m.ceiling = Math.min(previous, level - 1);
        return () -> m.ceiling = previous;
    }

    /** Opens a new forward-mode level (inner levels get larger numbers). */
    public static int enterForwardLevel() {
        Mode m = current();
        int level;
        synchronized (Mode.class) {
            level = nextLevel++;
        }
        if (m.activeCount == m.activeLevels.length) {
            m.activeLevels = Arrays.copyOf(m.activeLevels, m.activeCount * 2);
        }
        m.activeLevels[m.activeCount++] = level;
        return level;
    }

    /** Closes a forward-mode level opened by {@link #enterForwardLevel()}. */
    public static void exitForwardLevel(int level) {
        Mode m = current();
        if (m.activeCount == 0 || m.activeLevels[m.activeCount - 1] != level) {
            throw new IllegalStateException("forward-mode levels closed out of order (closing " + level + ")");
        }
        m.activeCount--;
    }

    /** True if {@code level} is active and visible here. */
    boolean isVisible(int level) {
        if (level > ceiling) {
            return false;
        }
        for (int i = 0; i < activeCount; i++) {
            if (activeLevels[i] == level) {
                return true;
            }
        }
        return false;
    }

    /** True if any forward level is active on this thread (visible or not). */
    public static boolean anyForwardLevel() {
        return current().activeCount > 0;
    }

    /** Marks entry into a functional transform (grad, jvp, ...); nested transforms must build graphs. */
    public static Scope enterTransform() {
        Mode m = current();
        m.transformDepth++;
        return () -> m.transformDepth--;
    }

    /** True inside a functional transform. */
    public static boolean insideTransform() {
        return current().transformDepth > 0;
    }

    /** A restorable mode change; closing it restores the previous state. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
