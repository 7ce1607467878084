package dev.hadron.io.root.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deserialized ROOT object: its class, the instance version and its members by name (base-class
 * members merged in). Member values are boxed numbers, {@code String}s, primitive arrays, nested
 * {@code RObject}s, {@code List}s (TObjArray, TList) or {@code null}.
 */
public final class RObject {
    private final String className;
    private int version;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public RObject(String className) {
        this.className = className;
    }

    public String className() {
        return className;
    }

    public int version() {
        return version;
    }

    void version(int v) {
        this.version = v;
    }

    public Map<String, Object> members() {
        return members;
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public Object get(String name) {
        return members.get(name);
    }

    public void put(String name, Object value) {
        members.put(name, value);
    }

    public String string(String name) {
        Object v = members.get(name);
        return v instanceof String s ? s : "";
    }

    public long longValue(String name, long fallback) {
        return members.get(name) instanceof Number n ? n.longValue() : fallback;
    }

    public int intValue(String name, int fallback) {
        return members.get(name) instanceof Number n ? n.intValue() : fallback;
    }

    public double doubleValue(String name, double fallback) {
        return members.get(name) instanceof Number n ? n.doubleValue() : fallback;
    }

    public boolean boolValue(String name) {
        Object v = members.get(name);
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }

    public RObject object(String name) {
        return members.get(name) instanceof RObject o ? o : null;
    }

    /** A TObjArray/TList member as a list (empty when absent). */
    public List<?> list(String name) {
        return members.get(name) instanceof List<?> l ? l : List.of();
    }

    @Override
    public String toString() {
        return className + "(v" + version + ") " + members.keySet();
    }
}
