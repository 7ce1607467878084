package dev.hadron.nn;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
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
 * The base of every network layer and model, as {@code torch.nn.Module}: a module owns parameters,
 * buffers and child modules, registered by name in its constructor, and names them the way PyTorch
 * does ({@code encoder.layers.0.weight}), so {@link #stateDict()} round-trips with PyTorch through
 * safetensors.
 *
 * <pre>{@code
 * final class Mlp extends Module {
 *     private final Linear hidden;
 *     private final Linear out;
 *
 *     Mlp(int in, int width, int classes, Generator gen) {
 *         hidden = registerModule("hidden", new Linear(in, width, gen));
 *         out = registerModule("out", new Linear(width, classes, gen));
 *     }
 *
 *     @Override
 *     public Tensor forward(Tensor x) {
 *         return out.forward(hidden.forward(x).relu());
 *     }
 * }
 * Mlp model = new Mlp(28, 64, 2, new Generator(1));
 * model.namedParameters().keySet();   // [hidden.weight, hidden.bias, out.weight, out.bias]
 * }</pre>
 *
 * <p>Single-input modules override {@link #forward(Tensor)}. Modules with other inputs (several
 * tensors, jagged events, masks) declare their own {@code forward(...)} methods and are modules all
 * the same: registration, naming, train/eval, state dicts and summaries work for them unchanged.
 *
 * <p>Order: {@link #parameters()} lists a module's own parameters in registration order, then those
 * of each child in registration order, recursively, exactly as PyTorch's {@code parameters()}; a
 * tensor shared by two modules is listed once. {@link #stateDict()} lists, per module in the same
 * order, its parameters then its persistent buffers.
 */
public abstract class Module {
    private final Map<String, Parameter> params = new LinkedHashMap<>();
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final Map<String, RandomStream> streams = new LinkedHashMap<>();
    private boolean training = true;

    /** Subclasses register their parameters, buffers and children in their constructors. */
    protected Module() {
    }

    // ------------------------------------------------------------------ registration

    private void checkName(String kind, String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + kind + " name must be non-empty and"
                    + " contain no '.', got \"" + name + "\"");
        }
        if (params.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)
                || streams.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the name \"" + name
                    + "\" is already registered");
        }
    }

    /**
     * Registers a trainable parameter. The tensor becomes a leaf that requires grad (it is detached
     * first if it was computed by recorded operations).
     *
     * @param name the name in the state dict, e.g. {@code "weight"}
     * @param initial a floating-point tensor holding the initial value
     * @return the parameter, to keep in a field
     */
    protected final Parameter registerParameter(String name, Tensor initial) {
        checkName("parameter", name);
        if (!initial.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": parameter '" + name
                    + "' must be floating point, got " + initial.dtype());
        }
        Tensor leaf = initial.isLeaf() ? initial : initial.detach();
        Tensor value = leaf.isContiguous() && leaf.storageOffset() == 0 && leaf.storage().size() == leaf.numel()
                ? leaf : leaf.detach().contiguous().clone();
        value.requiresGrad(true);
        Parameter p = new Parameter(value);
        params.put(name, p);
        return p;
    }

    /** Registers a persistent buffer (saved in the state dict): running statistics, counters, fixed tables. */
    protected final Buffer registerBuffer(String name, Tensor initial) {
        return registerBuffer(name, initial, true);
    }

    /** Registers a buffer; a non-persistent one is not saved in the state dict. */
    protected final Buffer registerBuffer(String name, Tensor initial, boolean persistent) {
        checkName("buffer", name);
        Buffer b = new Buffer(name, initial.detach(), persistent);
        buffers.put(name, b);
        return b;
    }

    /** Registers a child module; its parameters are named {@code name + "." + theirName}. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName("submodule", name);
        if (module == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": submodule '" + name + "' is null");
        }
        if (module == this) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": a module cannot contain itself");
        }
        children.put(name, module);
        return module;
    }

    /**
     * Registers a stream of fresh randomness for every call (used by dropout), seeded from {@code gen}.
     * Its state is part of {@link #randomState()} so resumed training reproduces the same draws.
     */
    protected final RandomStream registerRandomStream(String name, Generator gen) {
        checkName("random stream", name);
        if (gen == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": random stream '" + name
                    + "' needs a Generator (Hadron has no global random state)");
        }
        RandomStream s = new RandomStream(gen);
        streams.put(name, s);
        return s;
    }

    // ------------------------------------------------------------------ forward

    /**
     * The module applied to one input tensor. Modules whose inputs are not a single tensor (several
     * tensors, jagged events) do not override this and offer their own {@code forward} methods; calling
     * this one on them fails with a message saying so.
     */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take a single tensor input;"
                + " call one of its forward(...) methods with the inputs it declares");
    }

    // ------------------------------------------------------------------ traversal

    /** The direct children in registration order, by name. */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** This module (name "") and all descendants in pre-order, by dotted name. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        Map<Module, Boolean> seen = new IdentityHashMap<>();
        collectModules("", this, out, seen);
        return out;
    }

    private static void collectModules(String prefix, Module m, Map<String, Module> out, Map<Module, Boolean> seen) {
        if (seen.put(m, Boolean.TRUE) != null) {
            return;
        }
        out.put(prefix, m);
        for (Map.Entry<String, Module> e : m.children.entrySet()) {
            collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, seen);
        }
    }

    /** All parameters in PyTorch's order (own first, then children's), each tensor once. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** All parameters by dotted name, in PyTorch's order; a tensor shared by two modules appears once. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Parameter> p : m.getValue().params.entrySet()) {
                Tensor t = p.getValue().value();
                if (seen.put(t, Boolean.TRUE) == null) {
                    out.put(qualify(m.getKey(), p.getKey()), t);
                }
            }
        }
        return out;
    }

    /** All buffers by dotted name, in PyTorch's order. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Buffer> b : m.getValue().buffers.entrySet()) {
                out.put(qualify(m.getKey(), b.getKey()), b.getValue().value());
            }
        }
        return out;
    }

    /** This module's own parameters (not its children's), by name. */
    protected final Map<String, Parameter> ownParameters() {
        return Collections.unmodifiableMap(params);
    }

    private static String qualify(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** The total number of parameter elements (each shared tensor counted once). */
    public final long parameterCount() {
        long n = 0;
        for (Tensor t : parameters()) {
            n += t.numel();
        }
        return n;
    }

    /** The number of parameter elements that require grad. */
    public final long trainableParameterCount() {
        long n = 0;
        for (Tensor t : parameters()) {
            if (t.requiresGrad()) {
                n += t.numel();
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ modes and gradients

    /** Training mode for this module and all descendants (dropout active, batch norm uses batch statistics). */
    public Module train() {
        return train(true);
    }

    /** Sets training ({@code true}) or evaluation mode for this module and all descendants. */
    public Module train(boolean mode) {
        for (Module m : namedModules().values()) {
            m.training = mode;
        }
        return this;
    }

    /** Evaluation mode for this module and all descendants; same as {@code train(false)}. */
    public Module eval() {
        return train(false);
    }

    void setTrainingFlag(boolean mode) {
        training = mode;
    }

    /** Whether this module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /** Clears the gradients of all parameters (sets them to null, as PyTorch's {@code zero_grad()}). */
    public final void zeroGrad() {
        for (Tensor t : parameters()) {
            t.setGrad(null);
        }
    }

    /** Freezes ({@code false}) or unfreezes all parameters. Returns this module. */
    public final Module requiresGrad(boolean requires) {
        for (Tensor t : parameters()) {
            t.requiresGrad(requires);
        }
        return this;
    }

    /**
     * Converts all floating-point parameters and buffers to {@code dtype} (as {@code model.double()} or
     * {@code model.float()}); integer buffers stay as they are. Parameter tensors are replaced, so build
     * the optimizer after converting. Returns this module.
     */
    public final Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to: modules can only be converted to float32 or float64, got "
                    + dtype);
        }
        Map<Tensor, Tensor> converted = new IdentityHashMap<>();
        for (Module m : namedModules().values()) {
            for (Parameter p : m.params.values()) {
                Tensor old = p.value();
                if (old.dtype() == dtype) {
                    continue;
                }
                Tensor nt = converted.computeIfAbsent(old, o -> {
                    Tensor c = o.detach().to(dtype).contiguous();
                    c.requiresGrad(o.requiresGrad());
                    return c;
                });
                p.replace(nt);
            }
            for (Buffer b : m.buffers.values()) {
                if (b.value().dtype().isFloatingPoint() && b.value().dtype() != dtype) {
                    b.replace(b.value().to(dtype).contiguous());
                }
            }
        }
        return this;
    }

    /** The dtype of the first parameter (float32 for a module without parameters). */
    public final DType dtype() {
        List<Tensor> ps = parameters();
        return ps.isEmpty() ? DType.FLOAT32 : ps.get(0).dtype();
    }

    // ------------------------------------------------------------------ state

    /**
     * Parameters and persistent buffers by PyTorch name, in PyTorch's order. The tensors share memory
     * with the module (detached from the graph), as PyTorch's {@code state_dict()}; copy them if the
     * model keeps training and you need a snapshot.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Parameter> p : m.getValue().params.entrySet()) {
                out.put(qualify(m.getKey(), p.getKey()), p.getValue().value().detach());
            }
            for (Map.Entry<String, Buffer> b : m.getValue().buffers.entrySet()) {
                if (b.getValue().persistent()) {
                    out.put(qualify(m.getKey(), b.getKey()), b.getValue().value().detach());
                }
            }
        }
        return out;
    }

    /** Which entries a non-strict load skipped, as PyTorch's {@code _IncompatibleKeys}. */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {
        public LoadResult {
            missingKeys = List.copyOf(missingKeys);
            unexpectedKeys = List.copyOf(unexpectedKeys);
        }
    }

    /**
     * Copies values into the parameters and buffers (strict): every name must be present, no extra
     * name is allowed and every shape must match; otherwise nothing is changed and the exception lists
     * the missing, unexpected and mis-shaped entries. Values are converted to each parameter's dtype.
     */
    public final LoadResult loadStateDict(Map<String, Tensor> state) {
        return loadStateDict(state, true);
    }

    /**
     * Copies values into the parameters and buffers. With {@code strict = false} missing and unexpected
     * names are tolerated and reported in the result; mis-shaped entries always fail.
     */
    public final LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(src.shape(), e.getValue().shape())) {
                misShaped.add(e.getKey() + ": checkpoint has shape " + Shape.toString(src.shape())
                        + ", the model has " + Shape.toString(e.getValue().shape()));
            } else if (src.dtype().isFloatingPoint() != e.getValue().dtype().isFloatingPoint()) {
                misShaped.add(e.getKey() + ": checkpoint has dtype " + src.dtype() + ", the model has "
                        + e.getValue().dtype());
            }
        }
        for (String k : state.keySet()) {
            if (!own.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (!misShaped.isEmpty() || (strict && (!missing.isEmpty() || !unexpected.isEmpty()))) {
            StringBuilder sb = new StringBuilder("loadStateDict: the state does not fit " + getClass().getSimpleName());
            if (!missing.isEmpty()) {
                sb.append("\n  missing keys: ").append(missing);
            }
            if (!unexpected.isEmpty()) {
                sb.append("\n  unexpected keys: ").append(unexpected);
            }
            for (String s : misShaped) {
                sb.append("\n  size mismatch for ").append(s);
            }
            sb.append("\n  the model expects: ").append(own.keySet());
            throw new IllegalArgumentException(sb.toString());
        }
        try (var scope = Autodiff.noGrad()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor src = state.get(e.getKey());
                if (src != null) {
                    e.getValue().copyFrom(src.detach());
                }
            }
        }
        return new LoadResult(missing, unexpected);
    }

    /**
     * A copy of every parameter and persistent buffer (not sharing memory), for snapshots such as
     * "restore the best weights" in early stopping.
     */
    public final Map<String, Tensor> stateDictCopy() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : stateDict().entrySet()) {
            out.put(e.getKey(), e.getValue().clone());
        }
        return out;
    }

    /**
     * The state of every random stream (dropout) in this module and its descendants: name to
     * {seed, calls}. Training checkpoints save it so a resumed run draws the same masks.
     */
    public final Map<String, long[]> randomState() {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, RandomStream> s : m.getValue().streams.entrySet()) {
                out.put(qualify(m.getKey(), s.getKey()), new long[] {s.getValue().seed(), s.getValue().counter()});
            }
        }
        return out;
    }

    /** Restores states saved by {@link #randomState()}; the names must match exactly. */
    public final void loadRandomState(Map<String, long[]> state) {
        Map<String, RandomStream> own = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, RandomStream> s : m.getValue().streams.entrySet()) {
                own.put(qualify(m.getKey(), s.getKey()), s.getValue());
            }
        }
        if (!own.keySet().equals(state.keySet())) {
            throw new IllegalArgumentException("loadRandomState: the saved random streams " + state.keySet()
                    + " do not match the model's " + own.keySet());
        }
        for (Map.Entry<String, long[]> e : state.entrySet()) {
            long[] v = e.getValue();
            if (v.length != 2) {
                throw new IllegalArgumentException("loadRandomState: entry '" + e.getKey() + "' must hold {seed, calls}");
            }
            own.get(e.getKey()).restore(v[0], v[1]);
        }
    }

    // ------------------------------------------------------------------ description

    /**
     * The layer's settings shown inside the parentheses of {@link #toString()}, as PyTorch's
     * {@code extra_repr}, e.g. {@code in_features=4, out_features=3, bias=true}.
     */
    protected String extraRepr() {
        return "";
    }

    /** A PyTorch-style description: the class, its settings and its children, indented. */
    @Override
    public String toString() {
        String extra = extraRepr();
        if (children.isEmpty()) {
            return getClass().getSimpleName() + "(" + extra + ")";
        }
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(");
        if (!extra.isEmpty()) {
            sb.append("\n  ").append(extra);
        }
        for (Map.Entry<String, Module> e : children.entrySet()) {
            String child = e.getValue().toString().replace("\n", "\n  ");
            sb.append("\n  (").append(e.getKey()).append("): ").append(child);
        }
        return sb.append("\n)").toString();
    }

    /**
     * A table of the layers with their output shapes (for a zero input of {@code inputShape}, batch
     * dimension included) and parameter counts, followed by the totals. The forward pass runs in
     * evaluation mode without recording gradients; the module's mode is restored afterwards. Output
     * shapes are shown for the model and for every layer reached through {@link Sequential}
     * chains and {@link Residual} bodies; other inner layers show "-".
     */
    public final String summary(int... inputShape) {
        return Summary.of(this, inputShape);
    }

    /** The table of {@link #summary(int...)} without output shapes (for modules that take other inputs). */
    public final String summary() {
        return Summary.of(this, null);
    }

    // ------------------------------------------------------------------ helpers for layers

    /** Throws a clear error when {@code x} does not have one of the accepted ranks. */
    protected final void checkRank(Tensor x, String expected, int... ranks) {
        for (int r : ranks) {
            if (x.dim() == r) {
                return;
            }
        }
        throw new IllegalArgumentException(this + ": expected input of shape " + expected + ", got "
                + Shape.toString(x.shape()));
    }
}
