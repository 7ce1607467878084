package dev.hadron.nn;

import dev.hadron.tensor.Fused;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Modules applied one after the other, as {@code torch.nn.Sequential}; children are named
 * {@code "0"}, {@code "1"}, ..., so parameters read {@code 0.weight}, {@code 2.bias} as in PyTorch.
 *
 * <pre>{@code
 * Generator gen = new Generator(7);
 * Sequential mlp = new Sequential(new Linear(2, 16, gen), new ReLU(), new Linear(16, 1, gen));
 * Tensor y = mlp.forward(x);
 * }</pre>
 */
public final class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    /** The given modules, in order. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** The given modules, in order. */
    public Sequential(List<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** Adds a module at the end (named by its position). Returns this container. */
    public Sequential append(Module module) {
        layers.add(registerModule(Integer.toString(layers.size()), module));
        return this;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            Module m = layers.get(i);
            Fused.Activation act = m instanceof Linear && i + 1 < n ? fusable(layers.get(i + 1)) : null;
            if (act != null) {
                h = ((Linear) m).forward(h, act);   // Linear + activation in one pass; same values and gradients
                i++;
            } else {
                h = m.forward(h);
            }
        }
        return h;
    }

    private static Fused.Activation fusable(Module next) {
        return switch (next) {
            case ReLU r -> Fused.Activation.RELU;
            case Tanh t -> Fused.Activation.TANH;
            case Sigmoid s -> Fused.Activation.SIGMOID;
            default -> null;
        };
    }

    /** The module at {@code index}. */
    public Module get(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IndexOutOfBoundsException("Sequential: index " + index + " out of range for " + layers.size()
                    + " modules");
        }
        return layers.get(index);
    }

    /** The number of modules. */
    public int size() {
        return layers.size();
    }

    /** The modules in order (read-only). */
    public List<Module> modules() {
        return List.copyOf(layers);
    }
}
