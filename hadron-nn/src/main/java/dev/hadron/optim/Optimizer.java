package dev.hadron.optim;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of the optimizers, as {@code torch.optim.Optimizer}: parameter groups, per-parameter state,
 * {@link #step()}, {@link #zeroGrad()} and a state dict that checkpoints save and restore exactly.
 *
 * <pre>{@code
 * Optimizer opt = new Adam(model.parameters(), 1e-3);
 * for (...) {
 *     opt.zeroGrad();
 *     Tensor loss = Losses.crossEntropy(model.forward(x), y);
 *     loss.backward();
 *     opt.step();
 * }
 * }</pre>
 *
 * <p>Steps run without recording gradients and update the parameter tensors in place, so the
 * references held by modules stay valid. Parameters whose gradient is null (unused, or frozen) are
 * skipped, as in PyTorch.
 *
 * <p>State dict layout (all tensors, so it saves as safetensors): {@code state.<i>.<name>} for the
 * per-parameter buffers of parameter i (numbered across groups in order, as PyTorch does),
 * {@code state.<i>.step} (int64), and {@code param_groups.<g>.lr}, {@code .initial_lr},
 * {@code .weight_decay} (float64) and {@code .params} (int64 indices).
 */
public abstract class Optimizer {
    private final String name;
    private final List<ParamGroup> groups;
    private final List<Tensor> allParams = new ArrayList<>();
    private final Map<Tensor, ParamState> state = new IdentityHashMap<>();

    /** Per-parameter state: a step counter and named buffers (momentum, moments, ...). */
    protected static final class ParamState {
        /** Number of updates applied to this parameter. */
        public long step;
        /** Named state tensors, created by the optimizer on first use. */
        public final Map<String, Tensor> buffers = new LinkedHashMap<>();

        /** The buffer {@code key}, created as zeros like {@code like} on first use. */
        public Tensor buffer(String key, Tensor like) {
            return buffers.computeIfAbsent(key, k -> Tensor.zeros(like.dtype(), like.shape()));
        }
    }

    /**
     * @param name the optimizer's name for messages
     * @param groups the parameter groups; unset settings take the defaults
     * @param defaultLr the learning rate of groups without their own
     * @param defaultWeightDecay the weight decay of groups without their own
     */
    protected Optimizer(String name, List<ParamGroup> groups, double defaultLr, double defaultWeightDecay) {
        this.name = name;
        ParamGroup.checkLr(defaultLr);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(name + ": got an empty list of parameters to optimize");
        }
        List<ParamGroup> resolved = new ArrayList<>();
        Map<Tensor, Integer> seen = new IdentityHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup pg = groups.get(g).resolve(defaultLr, defaultWeightDecay);
            for (Tensor p : pg.params()) {
                Integer prev = seen.put(p, g);
                if (prev != null) {
                    throw new IllegalArgumentException(name + ": a parameter of shape " + Shape.toString(p.shape())
                            + " appears twice (groups " + prev + " and " + g + "); each parameter may be in one group once");
                }
                allParams.add(p);
            }
            resolved.add(pg);
        }
        this.groups = Collections.unmodifiableList(resolved);
    }

    static List<ParamGroup> single(List<Tensor> params) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty list of parameters to optimize");
        }
        return List.of(ParamGroup.of(params));
    }

    /** Applies one update to every parameter that has a gradient. */
    public abstract void step();

    /** Clears every parameter's gradient (sets it to null, PyTorch's default {@code set_to_none=True}). */
    public void zeroGrad() {
        for (Tensor p : allParams) {
            p.setGrad(null);
        }
    }

    /** The parameter groups (their learning rates can be changed). */
    public final List<ParamGroup> paramGroups() {
        return groups;
    }

    /** The learning rate of the first group. */
    public final double lr() {
        return groups.get(0).lr();
    }

    /** All parameters, in group order. */
    public final List<Tensor> params() {
        return Collections.unmodifiableList(allParams);
    }

    /** The state of a parameter, created on first use. */
    protected final ParamState stateOf(Tensor p) {
        return state.computeIfAbsent(p, k -> new ParamState());
    }

    /** The optimizer's name. */
    public final String name() {
        return name;
    }

    // ------------------------------------------------------------------ state dict

    /** The state as named tensors (see the class comment for the layout); the tensors are copies. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < allParams.size(); i++) {
            ParamState s = state.get(allParams.get(i));
            if (s == null) {
                continue;
            }
            out.put("state." + i + ".step", Tensor.scalar(DType.INT64, s.step));
            for (Map.Entry<String, Tensor> e : s.buffers.entrySet()) {
                out.put("state." + i + "." + e.getKey(), e.getValue().clone());
            }
        }
        int index = 0;
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup pg = groups.get(g);
            out.put("param_groups." + g + ".lr", Tensor.scalar(DType.FLOAT64, pg.lr()));
            out.put("param_groups." + g + ".initial_lr", Tensor.scalar(DType.FLOAT64, pg.initialLr()));
            out.put("param_groups." + g + ".weight_decay", Tensor.scalar(DType.FLOAT64, pg.weightDecay()));
            long[] ids = new long[pg.params().size()];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = index++;
            }
            out.put("param_groups." + g + ".params", Tensor.of(ids, ids.length));
        }
        return out;
    }

    /**
     * Restores a state saved by {@link #stateDict()} from an optimizer of the same kind over parameters of
     * the same shapes; anything else fails with a message naming the difference, and nothing is changed.
     */
    public void loadStateDict(Map<String, Tensor> saved) {
        String where = name + ".loadStateDict";
        int index = 0;
        for (int g = 0; g < groups.size(); g++) {
            Tensor ids = require(saved, "param_groups." + g + ".params", where);
            long[] v = ids.toLongArray();
            int n = groups.get(g).params().size();
            if (v.length != n || (n > 0 && v[0] != index)) {
                throw new IllegalArgumentException(where + ": parameter group " + g + " was saved with " + v.length
                        + " parameters, this optimizer's has " + n);
            }
            index += n;
            require(saved, "param_groups." + g + ".lr", where);
            require(saved, "param_groups." + g + ".weight_decay", where);
        }
        if (saved.containsKey("param_groups." + groups.size() + ".params")) {
            throw new IllegalArgumentException(where + ": the state has more parameter groups than this optimizer's "
                    + groups.size());
        }
        Map<Tensor, ParamState> restored = new IdentityHashMap<>();
        for (Map.Entry<String, Tensor> e : saved.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("param_groups.")) {
                continue;
            }
            String[] parts = key.split("\\.", 3);
            if (parts.length != 3 || !parts[0].equals("state")) {
                throw new IllegalArgumentException(where + ": unexpected entry '" + key + "'");
            }
            int i;
            try {
                i = Integer.parseInt(parts[1]);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(where + ": unexpected entry '" + key + "'");
            }
            if (i < 0 || i >= allParams.size()) {
                throw new IllegalArgumentException(where + ": entry '" + key + "' refers to parameter " + i
                        + " but the optimizer has " + allParams.size());
            }
            Tensor p = allParams.get(i);
            ParamState s = restored.computeIfAbsent(p, k -> new ParamState());
            if (parts[2].equals("step")) {
                s.step = (long) e.getValue().item();
            } else {
                Tensor t = e.getValue();
                if (!checkStateShape(parts[2], t, p)) {
                    throw new IllegalArgumentException(where + ": state '" + key + "' has shape " + Shape.toString(t.shape())
                            + " but parameter " + i + " has shape " + Shape.toString(p.shape()));
                }
                Tensor copy = t.detach().to(stateDtype(parts[2], p)).clone();
                s.buffers.put(parts[2], copy);
            }
        }
        state.clear();
        state.putAll(restored);
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).setLr(saved.get("param_groups." + g + ".lr").item());
            Tensor init = saved.get("param_groups." + g + ".initial_lr");
            if (init != null) {
                groups.get(g).setInitialLr(init.item());
            }
        }
    }

    /** Whether a saved state buffer fits the parameter; by default it must have the parameter's shape. */
    protected boolean checkStateShape(String key, Tensor saved, Tensor param) {
        return Arrays.equals(saved.shape(), param.shape());
    }

    /** The dtype a restored state buffer is stored in; by default the parameter's. */
    protected DType stateDtype(String key, Tensor param) {
        return param.dtype();
    }

    private static Tensor require(Map<String, Tensor> saved, String key, String where) {
        Tensor t = saved.get(key);
        if (t == null) {
            throw new IllegalArgumentException(where + ": the state has no entry '" + key
                    + "' (was it saved from an optimizer with other parameter groups?)");
        }
        return t;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (");
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup pg = groups.get(g);
            sb.append("\n  group ").append(g).append(": ").append(pg.params().size()).append(" tensors, lr=")
                    .append(pg.lr()).append(", weight_decay=").append(pg.weightDecay());
        }
        return sb.append("\n)").toString();
    }
}
