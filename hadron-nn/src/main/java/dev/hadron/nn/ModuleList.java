package dev.hadron.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A list of modules registered as children {@code "0"}, {@code "1"}, ..., as {@code torch.nn.ModuleList}:
 * the container for stacks whose forward is written by hand ({@code layers.3.weight}).
 *
 * @param <M> the module type
 */
public final class ModuleList<M extends Module> extends Module implements Iterable<M> {
    private final List<M> items = new ArrayList<>();

    /** An empty list. */
    public ModuleList() {
    }

    /** A list holding the given modules. */
    public ModuleList(List<? extends M> modules) {
        for (M m : modules) {
            append(m);
        }
    }

    /** Adds a module at the end. Returns this list. */
    public ModuleList<M> append(M module) {
        items.add(registerModule(Integer.toString(items.size()), module));
        return this;
    }

    /** The module at {@code index}. */
    public M get(int index) {
        if (index < 0 || index >= items.size()) {
            throw new IndexOutOfBoundsException("ModuleList: index " + index + " out of range for " + items.size()
                    + " modules");
        }
        return items.get(index);
    }

    /** The number of modules. */
    public int size() {
        return items.size();
    }

    @Override
    public Iterator<M> iterator() {
        return List.copyOf(items).iterator();
    }
}
