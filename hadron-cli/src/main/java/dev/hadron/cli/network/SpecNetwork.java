package dev.hadron.cli.network;

import dev.hadron.cli.study.InputKind;
import dev.hadron.nn.AvgPool2d;
import dev.hadron.nn.BatchNorm1d;
import dev.hadron.nn.BatchNorm2d;
import dev.hadron.nn.Conv2d;
import dev.hadron.nn.ConvOptions;
import dev.hadron.nn.Dropout;
import dev.hadron.nn.ELU;
import dev.hadron.nn.Flatten;
import dev.hadron.nn.GELU;
import dev.hadron.nn.LayerNorm;
import dev.hadron.nn.LeakyReLU;
import dev.hadron.nn.Linear;
import dev.hadron.nn.MaxPool2d;
import dev.hadron.nn.Module;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.nn.SiLU;
import dev.hadron.nn.Sigmoid;
import dev.hadron.nn.Softplus;
import dev.hadron.nn.Tanh;
import dev.hadron.nn.graph.Aggregation;
import dev.hadron.nn.graph.DeepSets;
import dev.hadron.nn.graph.DynamicEdgeConv;
import dev.hadron.nn.graph.Graph;
import dev.hadron.nn.graph.Graphs;
import dev.hadron.nn.graph.ParticleAttentionBlock;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A network built from a {@link LayerSpec} list on top of hadron-nn layers, with an output layer added
 * (one logit per class, or one value for a regression). Shapes are followed through the list, so a
 * layer that cannot take what the previous one gives (a {@code conv2d} on dense features, jagged
 * particles that never reach a {@code pool}) is reported at its place in the config.
 *
 * <p>Parameters are named like a PyTorch {@code nn.Sequential} ({@code 0.weight}, {@code 3.phi.0.weight}, ...);
 * the state dict goes to safetensors.
 */
public final class SpecNetwork extends Module {
    private final List<Stage> stages = new ArrayList<>();
    private final InputKind inputKind;

    private enum Op { POINTWISE, WHOLE, EDGECONV, ATTENTION, POOL, DEEPSETS }

    private record Stage(Op op, Module module, Aggregation aggregation) {
    }

    /** What flows between layers: its kind and per-event shape (features; or channels, height, width). */
    private record Flow(InputKind kind, int[] shape) {
        int width() {
            return shape[shape.length - 1];
        }
    }

    /**
     * Builds the network.
     *
     * @param layers the hidden layers
     * @param inputKind what the inputs are
     * @param inputShape per-event input shape: (features) for dense and jagged, (channels, height, width) for images
     * @param outputs output width: the number of classes, or 1 for a regression
     * @param gen initialisation and dropout randomness
     */
    public SpecNetwork(List<LayerSpec> layers, InputKind inputKind, int[] inputShape, int outputs, Generator gen) {
        this.inputKind = inputKind;
        Flow f = new Flow(inputKind, inputShape.clone());
        for (LayerSpec l : layers) {
            f = add(l, f, gen);
        }
        if (f.kind() == InputKind.JAGGED) {
            throw layers.isEmpty() ? new IllegalArgumentException("the inputs are jagged particles; add a pool layer (pool sum) or deepsets")
                    : layers.get(layers.size() - 1).error("the layers end with per-particle features; add 'pool sum' (or mean/max) to"
                    + " get one row per event");
        }
        if (f.kind() == InputKind.IMAGE) {
            throw layers.isEmpty() ? new IllegalArgumentException("the inputs are images; add conv2d layers and flatten")
                    : layers.get(layers.size() - 1).error("the layers end with images; add 'flatten' before the output");
        }
        stages.add(new Stage(Op.POINTWISE, registerModule(String.valueOf(stages.size()), new Linear(f.width(), outputs, gen)), null));
    }

    private Flow add(LayerSpec l, Flow f, Generator gen) {
        String name = String.valueOf(stages.size());
        switch (l.type()) {
            case LINEAR -> {
                need(l, f, InputKind.DENSE, InputKind.JAGGED);
                int out = positive(l, "out");
                pointwise(name, new Linear(f.width(), out, Boolean.parseBoolean(l.word("bias")), gen));
                return new Flow(f.kind(), new int[] {out});
            }
            case RELU -> pointwise(name, new ReLU());
            case GELU -> pointwise(name, new GELU());
            case SILU -> pointwise(name, new SiLU());
            case TANH -> pointwise(name, new Tanh());
            case SIGMOID -> pointwise(name, new Sigmoid());
            case SOFTPLUS -> pointwise(name, new Softplus());
            case ELU -> pointwise(name, new ELU(l.number("alpha")));
            case LEAKY_RELU -> pointwise(name, new LeakyReLU(l.number("slope")));
            case DROPOUT -> {
                double p = l.number("p");
                if (!(p >= 0 && p < 1)) {
                    throw l.error("p is " + p + "; expected a dropout probability in [0, 1)");
                }
                pointwise(name, new Dropout(p, gen));
            }
            case BATCHNORM -> pointwise(name, f.kind() == InputKind.IMAGE ? new BatchNorm2d(f.shape()[0]) : new BatchNorm1d(f.width()));
            case LAYERNORM -> {
                need(l, f, InputKind.DENSE, InputKind.JAGGED);
                pointwise(name, new LayerNorm(f.width()));
            }
            case CONV2D -> {
                need(l, f, InputKind.IMAGE);
                int out = positive(l, "out");
                int k = positive(l, "kernel");
                int s = positive(l, "stride");
                int p = l.integer("padding");
                int h = (f.shape()[1] + 2 * p - k) / s + 1;
                int w = (f.shape()[2] + 2 * p - k) / s + 1;
                if (h < 1 || w < 1) {
                    throw l.error("a " + k + "x" + k + " kernel does not fit images of " + f.shape()[1] + "x" + f.shape()[2]);
                }
                stages.add(new Stage(Op.WHOLE, registerModule(name, new Conv2d(f.shape()[0], out, k, gen,
                        ConvOptions.defaults().withStride(s).withPadding(p))), null));
                return new Flow(InputKind.IMAGE, new int[] {out, h, w});
            }
            case MAXPOOL2D, AVGPOOL2D -> {
                need(l, f, InputKind.IMAGE);
                int k = positive(l, "kernel");
                int h = (f.shape()[1] - k) / k + 1;
                int w = (f.shape()[2] - k) / k + 1;
                if (f.shape()[1] < k || f.shape()[2] < k) {
                    throw l.error("a " + k + "x" + k + " pooling window does not fit images of " + f.shape()[1] + "x" + f.shape()[2]);
                }
                Module m = l.type() == LayerType.MAXPOOL2D ? new MaxPool2d(k) : new AvgPool2d(k);
                stages.add(new Stage(Op.WHOLE, registerModule(name, m), null));
                return new Flow(InputKind.IMAGE, new int[] {f.shape()[0], h, w});
            }
            case FLATTEN -> {
                need(l, f, InputKind.IMAGE);
                stages.add(new Stage(Op.WHOLE, registerModule(name, new Flatten()), null));
                return new Flow(InputKind.DENSE, new int[] {f.shape()[0] * f.shape()[1] * f.shape()[2]});
            }
            case EDGECONV -> {
                need(l, f, InputKind.JAGGED);
                int out = positive(l, "out");
                Module edge = new Sequential(new Linear(2 * f.width(), out, gen), new ReLU());
                stages.add(new Stage(Op.EDGECONV, registerModule(name, new DynamicEdgeConv(edge, positive(l, "k"), aggregation(l, "aggr"))),
                        null));
                return new Flow(InputKind.JAGGED, new int[] {out});
            }
            case ATTENTION -> {
                need(l, f, InputKind.JAGGED);
                int heads = positive(l, "heads");
                if (f.width() % heads != 0) {
                    throw l.error(heads + " heads do not divide the particle width " + f.width() + "; put a 'linear N' with N a multiple of "
                            + heads + " before it");
                }
                int ffn = l.integer("ffn") <= 0 ? 2 * f.width() : l.integer("ffn");
                int blocks = positive(l, "blocks");
                List<Module> bs = new ArrayList<>();
                for (int b = 0; b < blocks; b++) {
                    bs.add(new ParticleAttentionBlock(f.width(), heads, ffn, gen));
                }
                stages.add(new Stage(Op.ATTENTION, registerModule(name, new Sequential(bs)), null));
            }
            case POOL -> {
                need(l, f, InputKind.JAGGED);
                stages.add(new Stage(Op.POOL, null, aggregation(l, "mode")));
                return new Flow(InputKind.DENSE, new int[] {f.width()});
            }
            case DEEPSETS -> {
                need(l, f, InputKind.JAGGED);
                int[] phi = l.integers("phi");
                int[] rho = l.integers("rho");
                if (phi.length == 0) {
                    throw l.error("phi is empty; give the per-particle widths, e.g. phi=64,64");
                }
                Sequential phiNet = mlp(f.width(), phi, gen);
                Sequential rhoNet = mlp(phi[phi.length - 1], rho, gen);
                stages.add(new Stage(Op.DEEPSETS, registerModule(name, new DeepSets(phiNet, aggregation(l, "pool"), rhoNet)), null));
                return new Flow(InputKind.DENSE, new int[] {rho.length == 0 ? phi[phi.length - 1] : rho[rho.length - 1]});
            }
            default -> throw new IllegalStateException("unhandled layer " + l.type());
        }
        return f;
    }

    private static Sequential mlp(int in, int[] widths, Generator gen) {
        List<Module> ms = new ArrayList<>();
        int w = in;
        for (int out : widths) {
            ms.add(new Linear(w, out, gen));
            ms.add(new ReLU());
            w = out;
        }
        return new Sequential(ms);
    }

    private void pointwise(String name, Module m) {
        stages.add(new Stage(Op.POINTWISE, registerModule(name, m), null));
    }

    private static void need(LayerSpec l, Flow f, InputKind... kinds) {
        for (InputKind k : kinds) {
            if (f.kind() == k) {
                return;
            }
        }
        String have = switch (f.kind()) {
            case DENSE -> "one feature row per event";
            case JAGGED -> "jagged particles (add 'pool sum' first to get one row per event)";
            case IMAGE -> "images (add 'flatten' first for dense layers)";
        };
        throw l.error("needs " + java.util.Arrays.stream(kinds).map(k -> k.name().toLowerCase(Locale.ROOT)).toList()
                + " inputs but gets " + have);
    }

    private static int positive(LayerSpec l, String key) {
        int v = l.integer(key);
        if (v < 1) {
            throw l.error(key + " is " + v + "; expected at least 1");
        }
        return v;
    }

    private static Aggregation aggregation(LayerSpec l, String key) {
        return switch (l.word(key)) {
            case "sum", "add" -> Aggregation.SUM;
            case "mean" -> Aggregation.MEAN;
            case "max" -> Aggregation.MAX;
            default -> throw l.error(key + " is '" + l.word(key) + "'; expected sum, mean or max");
        };
    }

    /** What the network takes. */
    public InputKind inputKind() {
        return inputKind;
    }

    /** The outputs (events, outputs) for dense or image inputs. */
    @Override
    public Tensor forward(Tensor x) {
        return run(x, null);
    }

    /** The outputs (events, outputs) for jagged particles. */
    public Tensor forward(Jagged particles) {
        return run(null, particles);
    }

    private Tensor run(Tensor dense, Jagged jagged) {
        Tensor x = dense;
        Jagged j = jagged;
        for (Stage s : stages) {
            switch (s.op()) {
                case POINTWISE -> {
                    if (j != null) {
                        j = j.withValues(s.module().forward(j.values()));
                    } else {
                        x = s.module().forward(x);
                    }
                }
                case WHOLE -> x = s.module().forward(x);
                case EDGECONV -> j = ((DynamicEdgeConv) s.module()).forward(j);
                case ATTENTION -> {
                    Graph g = Graphs.fullyConnected(j, true);
                    Tensor h = j.values();
                    for (Module b : ((Sequential) s.module()).namedChildren().values()) {
                        h = ((ParticleAttentionBlock) b).forward(h, g, null);
                    }
                    j = j.withValues(h);
                }
                case POOL -> {
                    x = s.aggregation().apply(j);
                    j = null;
                }
                case DEEPSETS -> {
                    x = ((DeepSets) s.module()).forward(j);
                    j = null;
                }
            }
        }
        return x;
    }
}
