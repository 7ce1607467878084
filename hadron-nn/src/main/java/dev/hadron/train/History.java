package dev.hadron.train;

import dev.hadron.util.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The epochs of a training run, in order, as CSV or JSON. */
public final class History {
    private final List<EpochResult> epochs = new ArrayList<>();

    /** An empty history. */
    public History() {
    }

    void add(EpochResult r) {
        epochs.add(r);
    }

    void clear() {
        epochs.clear();
    }

    /** The epochs so far (read-only). */
    public List<EpochResult> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The number of epochs. */
    public int size() {
        return epochs.size();
    }

    /** The last epoch; fails when empty. */
    public EpochResult last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("History: no epoch has finished");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The values of a monitored quantity ("loss", "val_loss", a metric) over the epochs. */
    public double[] values(String name) {
        double[] v = new double[epochs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = epochs.get(i).get(name);
        }
        return v;
    }

    private List<String> metricNames() {
        TreeSet<String> names = new TreeSet<>();
        for (EpochResult r : epochs) {
            names.addAll(r.metrics().keySet());
        }
        return new ArrayList<>(names);
    }

    /** One row per epoch: epoch, loss, val_loss, metrics (sorted by name), lr, events, seconds. */
    public String toCsv() {
        List<String> names = metricNames();
        StringBuilder sb = new StringBuilder("epoch,loss,val_loss");
        for (String n : names) {
            sb.append(',').append(n);
        }
        sb.append(",lr,events,seconds\n");
        for (EpochResult r : epochs) {
            sb.append(r.epoch()).append(',').append(num(r.trainLoss())).append(',').append(num(r.validLoss()));
            for (String n : names) {
                Double v = r.metrics().get(n);
                sb.append(',').append(v == null ? "" : num(v));
            }
            sb.append(',').append(num(r.lr())).append(',').append(r.events()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.seconds())).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** A JSON array of epoch objects (NaN validation losses as null). */
    public String toJson() {
        return Json.writePretty(toJsonList());
    }

    List<Object> toJsonList() {
        List<Object> list = new ArrayList<>();
        for (EpochResult r : epochs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", (long) r.epoch());
            m.put("loss", finite(r.trainLoss()));
            m.put("val_loss", finite(r.validLoss()));
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (String n : new TreeSet<>(r.metrics().keySet())) {
                metrics.put(n, finite(r.metrics().get(n)));
            }
            m.put("metrics", metrics);
            m.put("lr", r.lr());
            m.put("events", r.events());
            m.put("seconds", r.seconds());
            list.add(m);
        }
        return list;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    @SuppressWarnings("unchecked")
    static History fromJsonList(List<Object> list) {
        History h = new History();
        for (Object o : list) {
            Map<String, Object> m = (Map<String, Object>) o;
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("metrics")).entrySet()) {
                metrics.put(e.getKey(), e.getValue() == null ? Double.NaN : ((Number) e.getValue()).doubleValue());
            }
            h.add(new EpochResult(((Number) m.get("epoch")).intValue(), num(m.get("loss")), num(m.get("val_loss")),
                    metrics, num(m.get("lr")), ((Number) m.get("events")).longValue(), num(m.get("seconds"))));
        }
        return h;
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }
}
