package dev.hadron.train;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.nn.Loss;
import dev.hadron.nn.Module;
import dev.hadron.nn.Regularization;
import dev.hadron.optim.LRScheduler;
import dev.hadron.optim.Optimizer;
import dev.hadron.optim.ReduceLROnPlateau;
import dev.hadron.tensor.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The training loop, in the manner of Keras' {@code fit} and PyTorch Lightning's {@code Trainer}: epochs
 * of mini-batches (zero grad, forward, loss, backward, clip, step), validation after every epoch,
 * callbacks (early stopping, checkpoints, schedules, metric logs, the progress bar) and resuming from a
 * training checkpoint so that the resumed run ends bit-identical to an uninterrupted one (same seeds,
 * same thread count).
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(model, new Adam(model.parameters(), 1e-3), new CrossEntropyLoss())
 *         .withMetric("val_accuracy", Metrics.accuracy())
 *         .withScheduler(new CosineAnnealingLR(opt, 30, 0))
 *         .withCallbacks(new EarlyStopping("val_loss", 5, true),
 *                        new ModelCheckpoint(Path.of("runs/mlp")),
 *                        new MetricsLogger(Path.of("runs/mlp/history.csv")));
 * History h = trainer.fit(trainLoader, validLoader, 30);
 * // after an interruption:  trainer.resume(Path.of("runs/mlp/last")).fit(trainLoader, validLoader, 30);
 * }</pre>
 *
 * <p>By default the model is applied to the batch's dense features and the loss compares its output
 * with the batch's labels and per-event weights; {@link #withForward} and {@link #withTarget} change
 * that (jagged inputs, autoencoders). A non-finite loss stops training with an error naming the epoch,
 * the batch and, when the input holds NaN or infinity, the event and feature.
 */
public final class Trainer {
    private final Module model;
    private final Optimizer optimizer;
    private final Loss loss;
    private Function<Batch, Tensor> forward;
    private Function<Batch, Tensor> target = Batch::labels;
    private Supplier<Tensor> penalty;
    private double clipNorm = Double.NaN;
    private double clipValue = Double.NaN;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private ProgressBar progress = new ProgressBar();

    private final History history = new History();
    private int nextEpoch;
    private int totalEpochs;
    private long globalStep;
    private boolean stopRequested;
    private Long resumeSeed;
    private DataLoader currentTrain;

    /** A trainer for {@code model} minimizing {@code loss} with {@code optimizer}. */
    public Trainer(Module model, Optimizer optimizer, Loss loss) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.forward = b -> model.forward(b.features());
    }

    // ------------------------------------------------------------------ configuration

    /** How to apply the model to a batch, e.g. {@code b -> deepSets.forward(b.jaggedFeatures())}. */
    public Trainer withForward(Function<Batch, Tensor> f) {
        this.forward = f;
        return this;
    }

    /** What the output is compared with; the labels by default, {@code Batch::features} for an autoencoder. */
    public Trainer withTarget(Function<Batch, Tensor> t) {
        this.target = t;
        return this;
    }

    /** A penalty added to every training loss, e.g. {@code () -> Regularization.l2(weights).mul(1e-4)}. */
    public Trainer withPenalty(Supplier<Tensor> p) {
        this.penalty = p;
        return this;
    }

    /** Clips the gradients' total 2-norm to {@code maxNorm} before every step. */
    public Trainer withGradClipNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("Trainer: maxNorm must be positive, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /** Clamps every gradient element to [-value, value] before every step. */
    public Trainer withGradClipValue(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("Trainer: clip value must be positive, got " + value);
        }
        this.clipValue = value;
        return this;
    }

    /** A validation metric, computed once per epoch on all validation outputs and logged under {@code name}. */
    public Trainer withMetric(String name, Metric metric) {
        metrics.put(name, metric);
        return this;
    }

    /** Adds callbacks. */
    public Trainer withCallbacks(Callback... cbs) {
        for (Callback c : cbs) {
            callbacks.add(c);
        }
        return this;
    }

    /** Steps a schedule once per epoch. */
    public Trainer withScheduler(LRScheduler scheduler) {
        return withCallbacks(new ScheduleStep(scheduler, false));
    }

    /** Steps a schedule once per batch ({@code perBatch}, e.g. one-cycle) or per epoch. */
    public Trainer withScheduler(LRScheduler scheduler, boolean perBatch) {
        return withCallbacks(new ScheduleStep(scheduler, perBatch));
    }

    /** Steps a reduce-on-plateau schedule with the monitored quantity (e.g. "val_loss") every epoch. */
    public Trainer withScheduler(ReduceLROnPlateau scheduler, String monitor) {
        return withCallbacks(new PlateauStep(scheduler, monitor));
    }

    /** Replaces the progress bar; null for none. */
    public Trainer withProgressBar(ProgressBar bar) {
        this.progress = bar;
        return this;
    }

    // ------------------------------------------------------------------ accessors for callbacks

    /** The model. */
    public Module model() {
        return model;
    }

    /** The optimizer. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The epochs finished so far. */
    public History history() {
        return history;
    }

    /** The number of epochs of the running {@code fit}. */
    public int epochs() {
        return totalEpochs;
    }

    /** The loader of the running {@code fit}, or null. */
    public DataLoader trainLoader() {
        return currentTrain;
    }

    /** Optimizer steps taken so far. */
    public long globalStep() {
        return globalStep;
    }

    /** Asks the loop to stop after the current epoch (early stopping). */
    public void requestStop() {
        stopRequested = true;
    }

    // ------------------------------------------------------------------ the loop

    private List<Callback> ordered() {
        List<Callback> all = new ArrayList<>(callbacks);
        if (progress != null) {
            all.add(progress);
        }
        all.sort(Comparator.comparing(Callback::phase));
        return all;
    }

    /**
     * Trains until {@code epochs} epochs are done in total (a resumed trainer continues from where its
     * checkpoint left off), validating on {@code valid} (may be null) after each.
     */
    public History fit(DataLoader train, DataLoader valid, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Trainer.fit: epochs must be >= 1, got " + epochs);
        }
        DataLoader tl = train;
        if (resumeSeed != null && train.shuffled() && train.seed() != resumeSeed) {
            tl = train.withSeed(resumeSeed);   // continue the interrupted run's batch order
        }
        currentTrain = tl;
        totalEpochs = epochs;
        stopRequested = false;
        List<Callback> cbs = ordered();
        checkUniqueNames(cbs);
        for (Callback c : cbs) {
            c.onTrainBegin(this);
        }
        while (nextEpoch < epochs && !stopRequested) {
            int epoch = nextEpoch;
            for (Callback c : cbs) {
                c.onEpochBegin(this, epoch);
            }
            long t0 = System.nanoTime();
            double lr = optimizer.lr();
            double[] trained = trainEpoch(tl, epoch, cbs);
            Map<String, Double> m = new LinkedHashMap<>();
            double vloss = valid == null ? Double.NaN : validate(valid, epoch, m);
            EpochResult r = new EpochResult(epoch, trained[0], vloss, m, lr, (long) trained[1],
                    (System.nanoTime() - t0) / 1e9);
            history.add(r);
            nextEpoch = epoch + 1;
            for (Callback c : cbs) {
                c.onEpochEnd(this, r);
            }
        }
        for (Callback c : cbs) {
            c.onTrainEnd(this);
        }
        currentTrain = null;
        return history;
    }

    private void checkUniqueNames(List<Callback> cbs) {
        Set<String> names = new HashSet<>();
        for (Callback c : cbs) {
            if (!c.stateDict().isEmpty() && !names.add(c.name())) {
                throw new IllegalArgumentException("Trainer: two callbacks with state are both named '" + c.name()
                        + "'; give them distinct names so checkpoints can tell them apart");
            }
        }
    }

    private double[] trainEpoch(DataLoader train, int epoch, List<Callback> cbs) {
        model.train();
        double sum = 0;
        long events = 0;
        try (DataLoader.Epoch batches = train.epoch(epoch)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                optimizer.zeroGrad();
                Tensor out = forward.apply(b);
                Tensor l = loss.apply(out, targetOf(b), b.weights());
                if (penalty != null) {
                    l = l.add(penalty.get().to(l.dtype()));
                }
                double lv = l.item();
                if (!Double.isFinite(lv)) {
                    throw new IllegalStateException(nonFinite("training", lv, epoch, b, out));
                }
                l.backward();
                if (!Double.isNaN(clipValue)) {
                    Regularization.clipGradValue(optimizer.params(), clipValue);
                }
                if (!Double.isNaN(clipNorm)) {
                    Regularization.clipGradNorm(optimizer.params(), clipNorm);
                }
                optimizer.step();
                globalStep++;
                sum += lv * b.size();
                events += b.size();
                for (Callback c : cbs) {
                    c.onBatchEnd(this, epoch, b, lv);
                }
            }
        }
        return new double[] {sum / events, events};
    }

    private Tensor targetOf(Batch b) {
        Tensor t = target.apply(b);
        if (t == null) {
            throw new IllegalStateException("Trainer: the batch has no labels; label the dataset, or give the target with"
                    + " withTarget(...) (an autoencoder uses withTarget(Batch::features))");
        }
        return t;
    }

    private double validate(DataLoader valid, int epoch, Map<String, Double> out) {
        model.eval();
        double sum = 0;
        long events = 0;
        List<Tensor> outputs = new ArrayList<>();
        List<Tensor> labels = new ArrayList<>();
        List<Tensor> weights = new ArrayList<>();
        try (var s = Autodiff.noGrad(); DataLoader.Epoch batches = valid.epoch(0)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                Tensor o = forward.apply(b);
                double lv = loss.apply(o, targetOf(b), b.weights()).item();
                if (!Double.isFinite(lv)) {
                    throw new IllegalStateException(nonFinite("validation", lv, epoch, b, o));
                }
                sum += lv * b.size();
                events += b.size();
                if (!metrics.isEmpty()) {
                    outputs.add(o);
                    labels.add(b.labels());
                    weights.add(b.weights());
                }
            }
            if (!metrics.isEmpty()) {
                Tensor o = Tensor.cat(outputs, 0);
                Tensor y = labels.get(0) == null ? null : Tensor.cat(labels, 0);
                Tensor w = weights.get(0) == null ? null : Tensor.cat(weights, 0);
                for (Map.Entry<String, Metric> e : metrics.entrySet()) {
                    out.put(e.getKey(), e.getValue().compute(o, y, w));
                }
            }
        } finally {
            model.train();
        }
        return sum / events;
    }

    /** Describes a non-finite loss: where, and the first non-finite input if there is one. */
    private String nonFinite(String phase, double value, int epoch, Batch b, Tensor out) {
        long first = b.events()[0];
        StringBuilder sb = new StringBuilder("Trainer: the " + phase + " loss is " + value + " at epoch " + epoch
                + ", batch " + b.index() + " (" + b.size() + " events, first dataset event " + first + ")");
        Tensor values = b.jaggedFeatures() != null ? b.jaggedFeatures().values() : b.features();
        String bad = values == null ? null : firstNonFinite(values, b);
        if (bad != null) {
            sb.append(": the input ").append(bad);
        } else if (b.labels() != null && b.labels().dtype().isFloatingPoint()
                && firstNonFinite(b.labels(), b) != null) {
            sb.append(": the labels hold ").append(firstNonFinite(b.labels(), b));
        } else if (out != null && out.detach().isFinite().all().item() == 0) {
            sb.append(": the inputs are finite but the model output is not (diverging weights? lower the learning"
                    + " rate, clip gradients, or find the op with Autodiff.detectAnomaly())");
        } else {
            sb.append(": the inputs and outputs are finite; the loss itself overflowed (check the targets and weights)");
        }
        return sb.toString();
    }

    private static String firstNonFinite(Tensor t, Batch b) {
        if (!t.dtype().isFloatingPoint()) {
            return null;
        }
        double[] v = t.detach().toDoubleArray();
        int row = t.dim() == 0 ? 1 : Math.max(1, v.length / Math.max(1, t.size(0)));
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                int pos = i / row;
                String where = b.jaggedFeatures() != null && t.dim() > 0 && t.size(0) != b.size()
                        ? "value row " + pos + " of the batch's jagged features" : "dataset event " + b.events()[pos];
                return "holds " + v[i] + " at " + where + (t.dim() > 1 ? ", feature " + (i % row) : "");
            }
        }
        return null;
    }

    /** The mean loss and the metrics on {@code data}, in evaluation mode without gradients. */
    public EpochResult evaluate(DataLoader data) {
        Map<String, Double> m = new LinkedHashMap<>();
        double l = validate(data, nextEpoch, m);
        return new EpochResult(nextEpoch, Double.NaN, l, m, optimizer.lr(), 0, 0);
    }

    /** The model outputs for every event of {@code data}, in loader order, in evaluation mode. */
    public Tensor predict(DataLoader data) {
        model.eval();
        List<Tensor> outs = new ArrayList<>();
        try (var s = Autodiff.noGrad(); DataLoader.Epoch batches = data.epoch(0)) {
            while (batches.hasNext()) {
                outs.add(forward.apply(batches.next()));
            }
        } finally {
            model.train();
        }
        return Tensor.cat(outs, 0);
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * Writes a training checkpoint ({@code base.safetensors}, {@code base.state.safetensors},
     * {@code base.json}) with the model, the optimizer, every callback's state, the random streams, the
     * loader seed and the history, from which {@link #resume} continues.
     */
    public void saveCheckpoint(Path base) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : optimizer.stateDict().entrySet()) {
            state.put("optimizer." + e.getKey(), e.getValue());
        }
        List<Object> cbNames = new ArrayList<>();
        for (Callback c : callbacks) {
            Map<String, Tensor> cs = c.stateDict();
            if (cs.isEmpty()) {
                continue;
            }
            cbNames.add(c.name());
            for (Map.Entry<String, Tensor> e : cs.entrySet()) {
                state.put("callback." + c.name() + "." + e.getKey(), e.getValue());
            }
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("completed_epochs", (long) nextEpoch);
        training.put("global_step", globalStep);
        training.put("optimizer", optimizer.getClass().getName());
        training.put("callbacks", cbNames);
        if (currentTrain != null && currentTrain.shuffled()) {
            training.put("train_seed", Long.toString(currentTrain.seed()));
        } else if (resumeSeed != null) {
            training.put("train_seed", Long.toString(resumeSeed));
        }
        Map<String, Object> random = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : model.randomState().entrySet()) {
            random.put(e.getKey(), List.of(Long.toString(e.getValue()[0]), Long.toString(e.getValue()[1])));
        }
        training.put("random_state", random);
        training.put("history", history.toJsonList());
        Checkpoint.write(base, model, Map.of(), state, training);
    }

    /**
     * Restores a training checkpoint written by {@link #saveCheckpoint} (for example by
     * {@link ModelCheckpoint}'s {@code last}): model, optimizer, callback states, random streams, loader
     * seed, history and epoch count. Fails, changing nothing, if the checkpoint was written for a
     * different model or optimizer, or lacks the state of one of this trainer's callbacks. Returns this
     * trainer; call {@link #fit} with the same total number of epochs to finish the run.
     */
    @SuppressWarnings("unchecked")
    public Trainer resume(Path base) {
        Map<String, Object> json = Checkpoint.readConfig(base);
        if (!(json.get("training") instanceof Map<?, ?> tr)) {
            throw new IllegalArgumentException("resume: checkpoint " + base + " holds a model without training state;"
                    + " load it with Checkpoint.load(path, model) instead");
        }
        Map<String, Object> training = (Map<String, Object>) tr;
        Checkpoint.checkSameModel(base, json, model, "resume");
        String opt = String.valueOf(training.get("optimizer"));
        if (!opt.equals(optimizer.getClass().getName())) {
            throw new IllegalArgumentException("resume: checkpoint " + base + " was written with optimizer " + opt
                    + ", this trainer uses " + optimizer.getClass().getName());
        }
        Map<String, Tensor> weights = Checkpoint.readVerified(base, json, "model", Checkpoint.weightsFile(base));
        Map<String, Tensor> state = Checkpoint.readVerified(base, json, "state", Checkpoint.stateFile(base));
        Map<String, Map<String, Tensor>> cbStates = new LinkedHashMap<>();
        Map<String, Tensor> optState = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("optimizer.")) {
                optState.put(k.substring("optimizer.".length()), e.getValue());
            } else if (k.startsWith("callback.")) {
                String rest = k.substring("callback.".length());
                int dot = rest.indexOf('.');
                cbStates.computeIfAbsent(rest.substring(0, dot), n -> new LinkedHashMap<>())
                        .put(rest.substring(dot + 1), e.getValue());
            } else {
                throw new IllegalArgumentException("resume: checkpoint " + base + " has an unexpected state entry '" + k
                        + "'");
            }
        }
        for (Callback c : callbacks) {
            if (!c.stateDict().isEmpty() && !cbStates.containsKey(c.name())) {
                throw new IllegalArgumentException("resume: checkpoint " + base + " has no state for callback '"
                        + c.name() + "'; it holds " + cbStates.keySet());
            }
        }
        Map<String, long[]> random = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) training.getOrDefault("random_state", Map.of()))
                .entrySet()) {
            List<Object> v = (List<Object>) e.getValue();
            random.put(e.getKey(), new long[] {Long.parseLong((String) v.get(0)), Long.parseLong((String) v.get(1))});
        }
        // everything validated: apply
        model.loadStateDict(weights);
        optimizer.loadStateDict(optState);
        for (Callback c : callbacks) {
            Map<String, Tensor> cs = cbStates.get(c.name());
            if (cs != null) {
                c.loadStateDict(cs);
            }
        }
        model.loadRandomState(random);
        history.clear();
        for (EpochResult r : History.fromJsonList((List<Object>) training.get("history")).epochs()) {
            history.add(r);
        }
        nextEpoch = ((Number) training.get("completed_epochs")).intValue();
        globalStep = ((Number) training.get("global_step")).longValue();
        Object seed = training.get("train_seed");
        resumeSeed = seed == null ? null : Long.parseLong((String) seed);
        return this;
    }
}
