package dev.hadron.cli.method;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.cli.Console;
import dev.hadron.cli.config.ConfigNode;
import dev.hadron.cli.config.MethodConfig;
import dev.hadron.cli.network.LayerSpec;
import dev.hadron.cli.network.SpecNetwork;
import dev.hadron.cli.study.InputKind;
import dev.hadron.data.Dataset;
import dev.hadron.eval.report.TrainingHistory;
import dev.hadron.nn.CrossEntropyLoss;
import dev.hadron.nn.Loss;
import dev.hadron.nn.MSELoss;
import dev.hadron.optim.Adam;
import dev.hadron.optim.AdamW;
import dev.hadron.optim.CosineAnnealingLR;
import dev.hadron.optim.Optimizer;
import dev.hadron.optim.SGD;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Safetensors;
import dev.hadron.tensor.Tensor;
import dev.hadron.train.Batch;
import dev.hadron.train.DataLoader;
import dev.hadron.train.EarlyStopping;
import dev.hadron.train.History;
import dev.hadron.train.ProgressBar;
import dev.hadron.train.Trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Neural networks from a config's {@code layers:} list ({@link SpecNetwork}), trained with hadron-nn's
 * {@link Trainer}: cross-entropy (classification) or mean squared error (regression) weighted per
 * event, the chosen optimizer, optional cosine schedule and early stopping on the validation loss,
 * and the progress bar. Saved as safetensors plus the layer list that rebuilds the network.
 */
public final class NetworkMethod {
    private NetworkMethod() {
    }

    /** The layer list of a method config. */
    public static List<LayerSpec> layers(MethodConfig m) {
        List<LayerSpec> out = new ArrayList<>();
        for (ConfigNode n : m.layers()) {
            out.add(LayerSpec.parse(n));
        }
        return out;
    }

    /** The per-event input shape of a (preprocessed) dataset. */
    public static int[] inputShape(InputKind kind, Dataset d) {
        return switch (kind) {
            case DENSE -> new int[] {d.features().size(1)};
            case JAGGED -> new int[] {d.jaggedFeatures().values().size(1)};
            case IMAGE -> {
                Tensor x = d.features();
                yield new int[] {x.size(1), x.size(2), x.size(3)};
            }
        };
    }

    /** Builds and trains the network of {@code m}. */
    public static FittedModel fit(MethodConfig m, int outputs, InputKind kind, Dataset train, Dataset valid, long seed, Console console) {
        TrainingConfig tc = TrainingConfig.from(m.training());
        List<LayerSpec> layers = layers(m);
        int[] shape = inputShape(kind, train);
        SpecNetwork net = new SpecNetwork(layers, kind, shape, outputs, new Generator(seed));
        Optimizer opt = switch (tc.optimizer()) {
            case "adamw" -> new AdamW(net.parameters(), tc.learningRate(), Adam.Options.defaults().withWeightDecay(tc.weightDecay()));
            case "sgd" -> new SGD(net.parameters(), tc.learningRate(), SGD.Options.defaults().withMomentum(0.9)
                    .withWeightDecay(tc.weightDecay()));
            default -> new Adam(net.parameters(), tc.learningRate(), Adam.Options.defaults().withWeightDecay(tc.weightDecay()));
        };
        boolean classification = outputs > 1;
        Loss loss = classification ? new CrossEntropyLoss() : new MSELoss();
        java.io.Console c = System.console();
        boolean tty = c != null && c.isTerminal() && console.err() == System.err;
        Trainer trainer = new Trainer(net, opt, loss).withForward(forward(net, kind))
                .withProgressBar(console.verbose() ? new ProgressBar(console.err(), tty) : null);
        if (!classification) {
            trainer = trainer.withTarget(b -> b.labels().to(DType.FLOAT32).unsqueeze(1));
        }
        boolean hasValid = valid != null && valid.size() > 0;
        if (tc.patience() > 0 && hasValid) {
            trainer = trainer.withCallbacks(new EarlyStopping("val_loss", tc.patience(), true));
        }
        if (tc.schedule().equals("cosine")) {
            trainer = trainer.withScheduler(new CosineAnnealingLR(opt, tc.epochs(), 0));
        }
        console.info(m.name() + ": " + net.parameterCount() + " parameters, " + tc.epochs() + " epochs of batch " + tc.batchSize());
        DataLoader tl = new DataLoader(train, tc.batchSize(), new Generator(seed + 1));
        DataLoader vl = hasValid ? new DataLoader(valid, evaluationBatch(kind, tc.batchSize(), 1024)) : null;
        History h = trainer.fit(tl, vl, tc.epochs());
        TrainingHistory th = TrainingHistory.empty().with("loss", "train", h.values("loss"));
        if (hasValid) {
            th = th.with("loss", "validation", h.values("val_loss"));
        }
        return new Fitted(net, kind, layers, shape, outputs, th);
    }

    /**
     * Events per batch when only scoring (validation, test, predict): {@code usual} for dense and image
     * inputs, but for jagged ones the training batch size (at least 256). Graph layers hold per-edge
     * tensors and a fully connected jet of n particles has n² edges, so scoring 1800 jets in one batch
     * took gigabytes where 256 take tens of megabytes.
     */
    static int evaluationBatch(InputKind kind, int trainingBatch, int usual) {
        return Math.max(trainingBatch, kind == InputKind.JAGGED ? 256 : usual);
    }

    private static Function<Batch, Tensor> forward(SpecNetwork net, InputKind kind) {
        return kind == InputKind.JAGGED ? b -> net.forward(b.jaggedFeatures()) : b -> net.forward(b.features());
    }

    /** Rebuilds a network saved by {@link Fitted#save}. */
    @SuppressWarnings("unchecked")
    public static FittedModel load(Path dir, Map<String, Object> d) {
        List<LayerSpec> layers = new ArrayList<>();
        for (Object o : (List<Object>) d.get("layers")) {
            layers.add(LayerSpec.parse(String.valueOf(o)));
        }
        InputKind kind = InputKind.valueOf(String.valueOf(d.get("input_kind")).toUpperCase(java.util.Locale.ROOT));
        List<Object> s = (List<Object>) d.get("input_shape");
        int[] shape = s.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        int outputs = ((Number) d.get("outputs")).intValue();
        SpecNetwork net = new SpecNetwork(layers, kind, shape, outputs, new Generator(0));
        net.loadStateDict(Safetensors.load(dir.resolve(String.valueOf(d.get("file")))));
        return new Fitted(net, kind, layers, shape, outputs, null);
    }

    /** A trained network. */
    record Fitted(SpecNetwork net, InputKind kind, List<LayerSpec> layers, int[] shape, int outputs, TrainingHistory history)
            implements FittedModel {
        @Override
        public Tensor predict(Dataset inputs) {
            net.eval();
            List<Tensor> outs = new ArrayList<>();
            Function<Batch, Tensor> f = forward(net, kind);
            try (var s = Autodiff.noGrad();
                 DataLoader.Epoch batches = new DataLoader(inputs, evaluationBatch(kind, 0, 4096)).epoch(0)) {
                while (batches.hasNext()) {
                    outs.add(f.apply(batches.next()));
                }
            } finally {
                net.train();
            }
            Tensor out = Tensor.cat(outs, 0);
            return outputs > 1 ? out.softmax(1) : out.reshape(out.size(0));
        }

        @Override
        public Map<String, Object> save(Path dir) {
            Safetensors.save(net.stateDict(), dir.resolve("model.safetensors"));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", "network");
            d.put("file", "model.safetensors");
            d.put("layers", layers.stream().map(LayerSpec::toString).toList());
            d.put("input_kind", kind.name().toLowerCase(java.util.Locale.ROOT));
            d.put("input_shape", java.util.Arrays.stream(shape).boxed().toList());
            d.put("outputs", outputs);
            return d;
        }
    }
}
