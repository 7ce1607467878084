package dev.hadron.eval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-epoch training curves of one method, grouped by metric ("loss", "auc", …) and split ("train",
 * "validation", …). Immutable; {@link #with} returns a copy with one more curve.
 *
 * <pre>{@code
 * TrainingHistory h = TrainingHistory.empty()
 *         .with("loss", "train", trainLoss)
 *         .with("loss", "validation", validLoss)
 *         .with("AUC", "validation", validAuc);
 * }</pre>
 */
public final class TrainingHistory {
    private static final TrainingHistory EMPTY = new TrainingHistory(Map.of());

    private final Map<String, Map<String, double[]>> curves;

    private TrainingHistory(Map<String, Map<String, double[]>> curves) {
        this.curves = curves;
    }

    /** No curves. */
    public static TrainingHistory empty() {
        return EMPTY;
    }

    /** A copy with the curve of {@code metric} on {@code split} (one value per epoch; replaces an existing one). */
    public TrainingHistory with(String metric, String split, double[] values) {
        if (metric == null || metric.isBlank() || split == null || split.isBlank()) {
            throw new IllegalArgumentException("TrainingHistory: metric and split names must be non-empty");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("TrainingHistory: curve " + metric + "/" + split + " is empty; expected one value per epoch");
        }
        Map<String, Map<String, double[]>> copy = new LinkedHashMap<>();
        curves.forEach((m, s) -> copy.put(m, new LinkedHashMap<>(s)));
        copy.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(split, values.clone());
        Map<String, Map<String, double[]>> frozen = new LinkedHashMap<>();
        copy.forEach((m, s) -> frozen.put(m, Collections.unmodifiableMap(s)));
        return new TrainingHistory(Collections.unmodifiableMap(frozen));
    }

    /** The metric names, in insertion order. */
    public List<String> metrics() {
        return List.copyOf(curves.keySet());
    }

    /** The curves of one metric, split name → values (copies), in insertion order. */
    public Map<String, double[]> curves(String metric) {
        Map<String, double[]> m = curves.get(metric);
        if (m == null) {
            throw new IllegalArgumentException("TrainingHistory: no metric '" + metric + "'; available: " + curves.keySet());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** True when there are no curves. */
    public boolean isEmpty() {
        return curves.isEmpty();
    }

    @Override
    public String toString() {
        return "TrainingHistory" + curves.keySet();
    }
}
