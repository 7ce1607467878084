package dev.hadron.io.root.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps, per branch, the one basket that reaches past the end of the current chunk, so chunked
 * iteration decompresses every basket once while holding at most one basket per branch.
 */
public final class BasketCache {
    private record Slot(int index, BasketData data) {
    }

    private final Map<BranchModel, Slot> slots = new HashMap<>();

    synchronized BasketData get(BranchModel b, int index) {
        Slot s = slots.get(b);
        return s != null && s.index == index ? s.data : null;
    }

    synchronized void put(BranchModel b, int index, BasketData data) {
        slots.put(b, new Slot(index, data));
    }

    synchronized void forget(BranchModel b) {
        slots.remove(b);
    }
}
