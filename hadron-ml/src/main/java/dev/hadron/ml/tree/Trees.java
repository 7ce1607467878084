package dev.hadron.ml.tree;

import dev.hadron.tensor.Tensor;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the tree models: parameter checks, importances, hyperparameter JSON. */
final class Trees {
    private Trees() {
    }

    /** Throws {@code IllegalArgumentException("Invalid name: value (expected ...)")} unless {@code ok}. */
    static void check(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (expected " + expected + ")");
        }
    }

    /** {@code v / sum(v)} as a float64 tensor (all zeros if the sum is zero). */
    static Tensor normalized(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        double[] out = new double[v.length];
        if (s > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] / s;
            }
        }
        return Tensor.of(out, out.length);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model JSON: unknown " + what + " '" + name + "'", e);
        }
    }

    /** A hyperparameter record as JSON: numbers, booleans and enum names by component name. */
    static Map<String, Object> recordToJson(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
            if (v instanceof Enum<?> e) {
                v = e.name();
            } else if (v instanceof Integer i) {
                v = (long) i;
            }
            m.put(c.getName(), v);
        }
        return m;
    }

    /** Reverses {@link #recordToJson}; the record's constructor validates the values. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <R extends Record> R recordFromJson(Class<R> type, Map<String, Object> m) {
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            String name = cs[i].getName();
            Class<?> t = cs[i].getType();
            types[i] = t;
            Object v = m.get(name);
            if (v == null) {
                throw new IllegalArgumentException("model JSON: hyperparameter '" + name + "' is missing");
            }
            if (t == int.class || t == long.class) {
                if (!(v instanceof Long l)) {
                    throw new IllegalArgumentException("model JSON: hyperparameter '" + name + "' should be an integer");
                }
                args[i] = t == int.class ? (Object) Math.toIntExact(l) : l;
            } else if (t == double.class) {
                if (!(v instanceof Number num)) {
                    throw new IllegalArgumentException("model JSON: hyperparameter '" + name + "' should be a number");
                }
                args[i] = num.doubleValue();
            } else if (t == boolean.class) {
                if (!(v instanceof Boolean)) {
                    throw new IllegalArgumentException("model JSON: hyperparameter '" + name + "' should be true/false");
                }
                args[i] = v;
            } else if (t.isEnum()) {
                args[i] = enumValue((Class) t, String.valueOf(v), name);
            } else {
                throw new IllegalStateException("unsupported hyperparameter type " + t);
            }
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException("model JSON: " + iae.getMessage(), iae);
            }
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
        }
    }
}
