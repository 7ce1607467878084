package dev.hadron.cli.network;

import dev.hadron.cli.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers a network config can use, with their parameters (positional order) and defaults. Which
 * inputs each takes: dense layers and activations work on any input (per particle for jagged inputs,
 * per pixel-channel for images); {@code conv2d}, pooling and {@code flatten} need images;
 * {@code edgeconv}, {@code attention}, {@code pool} and {@code deepsets} need jagged particles.
 */
public enum LayerType {
    /** {@code linear OUT [bias=true]}: torch.nn.Linear to OUT features. */
    LINEAR("linear", List.of("out", "bias"), Map.of("bias", "true")),
    /** Rectified linear unit. */
    RELU("relu", List.of(), Map.of()),
    /** GELU. */
    GELU("gelu", List.of(), Map.of()),
    /** SiLU (swish). */
    SILU("silu", List.of(), Map.of()),
    /** tanh. */
    TANH("tanh", List.of(), Map.of()),
    /** Logistic sigmoid. */
    SIGMOID("sigmoid", List.of(), Map.of()),
    /** {@code elu [alpha=1]}. */
    ELU("elu", List.of("alpha"), Map.of("alpha", "1")),
    /** {@code leaky_relu [slope=0.01]}. */
    LEAKY_RELU("leaky_relu", List.of("slope"), Map.of("slope", "0.01")),
    /** Softplus. */
    SOFTPLUS("softplus", List.of(), Map.of()),
    /** {@code dropout P}. */
    DROPOUT("dropout", List.of("p"), Map.of("p", "0.1")),
    /** Batch normalisation over features (BatchNorm1d) or image channels (BatchNorm2d). */
    BATCHNORM("batchnorm", List.of(), Map.of()),
    /** Layer normalisation over the features. */
    LAYERNORM("layernorm", List.of(), Map.of()),
    /** {@code conv2d OUT KERNEL [stride=1] [padding=0]}: torch.nn.Conv2d on images. */
    CONV2D("conv2d", List.of("out", "kernel", "stride", "padding"), Map.of("stride", "1", "padding", "0")),
    /** {@code maxpool2d KERNEL}: max pooling with stride KERNEL. */
    MAXPOOL2D("maxpool2d", List.of("kernel"), Map.of("kernel", "2")),
    /** {@code avgpool2d KERNEL}: average pooling with stride KERNEL. */
    AVGPOOL2D("avgpool2d", List.of("kernel"), Map.of("kernel", "2")),
    /** Images to one feature row per event. */
    FLATTEN("flatten", List.of(), Map.of()),
    /** {@code edgeconv OUT [k=16] [aggr=max]}: ParticleNet's dynamic EdgeConv on the k nearest particles in feature space. */
    EDGECONV("edgeconv", List.of("out", "k", "aggr"), Map.of("k", "16", "aggr", "max")),
    /**
     * {@code attention [heads=4] [ffn=2·width] [blocks=1]}: Particle-Transformer blocks (pre-norm
     * multi-head self-attention among the particles of each event, then a feed-forward layer).
     */
    ATTENTION("attention", List.of("heads", "ffn", "blocks"), Map.of("heads", "4", "ffn", "0", "blocks", "1"), "transformer"),
    /** {@code pool [sum|mean|max]}: particles to one feature row per event (permutation invariant). */
    POOL("pool", List.of("mode"), Map.of("mode", "sum")),
    /**
     * {@code deepsets phi=64,64 rho=64 [pool=sum]}: a whole Deep Sets / Particle Flow Network
     * (dev.hadron.nn.graph.DeepSets): per-particle φ layers with ReLU, pooling, per-event ρ layers with ReLU.
     */
    DEEPSETS("deepsets", List.of("phi", "rho", "pool"), Map.of("phi", "64,64", "rho", "64", "pool", "sum"), "pfn");

    private final String id;
    private final List<String> params;
    private final Map<String, String> defaults;
    private final List<String> aliases;

    LayerType(String id, List<String> params, Map<String, String> defaults, String... aliases) {
        this.id = id;
        this.params = params;
        this.defaults = defaults;
        this.aliases = List.of(aliases);
    }

    /** The config name. */
    public String id() {
        return id;
    }

    /** The layer named {@code name}, or null. */
    public static LayerType find(String name) {
        for (LayerType t : values()) {
            if (t.id.equalsIgnoreCase(name) || t.aliases.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }

    /** Every layer name. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (LayerType t : values()) {
            out.add(t.id);
        }
        return out;
    }

    /** Binds positional and named values to this layer's parameters, adding defaults; errors name the layer. */
    Map<String, String> bind(List<String> positional, Map<String, String> named, ConfigNode n) {
        if (positional.size() > params.size()) {
            throw n.error("layer " + id + " takes " + (params.isEmpty() ? "no values" : "at most " + params.size() + " values ("
                    + String.join(", ", params) + ")") + ", got " + positional);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            out.put(params.get(i), positional.get(i));
        }
        for (var e : named.entrySet()) {
            if (!params.contains(e.getKey())) {
                throw n.error("layer " + id + " has no parameter '" + e.getKey() + "'; it takes " + (params.isEmpty() ? "none"
                        : String.join(", ", params)));
            }
            if (out.put(e.getKey(), e.getValue()) != null) {
                throw n.error("layer " + id + ": '" + e.getKey() + "' is given twice");
            }
        }
        for (String p : params) {
            if (!out.containsKey(p)) {
                String d = defaults.get(p);
                if (d == null) {
                    throw n.error("layer " + id + " needs a value for '" + p + "', e.g. '" + id + " 64'");
                }
                out.put(p, d);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String p : params) {
            ordered.put(p, out.get(p));
        }
        return ordered;
    }
}
