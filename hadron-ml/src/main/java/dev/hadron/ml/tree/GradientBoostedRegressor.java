package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.HasFeatureImportances;
import dev.hadron.ml.Regressor;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradient-boosted tree regressor, immutable: the same histogram boosting as
 * {@link GradientBoostedTrees} with the squared-error (default) or pseudo-Huber loss.
 *
 * <pre>{@code
 * var p = GradientBoostedTrees.Params.defaults().withObjective(Objective.PSEUDO_HUBER).withHuberSlope(2);
 * GradientBoostedRegressor reg = GradientBoostedRegressor.fit(p, x, target);
 * Tensor estimate = reg.predict(xTest);
 * }</pre>
 */
public final class GradientBoostedRegressor implements Regressor, HasFeatureImportances {
    private final GradientBoostedTrees.Params params;
    private final Objective objective;
    private final TreeEnsemble ensemble;
    private final double[] validationLoss;

    private GradientBoostedRegressor(GradientBoostedTrees.Params params, Objective objective, TreeEnsemble ensemble,
                                     double[] validationLoss) {
        this.params = params;
        this.objective = objective;
        this.ensemble = ensemble;
        this.validationLoss = validationLoss;
    }

    /** Fits on features {@code x} (events, features) and real targets {@code y}. */
    public static GradientBoostedRegressor fit(GradientBoostedTrees.Params params, Tensor x, Tensor y) {
        return train(params, Dataset.of(x, y), null);
    }

    /** Fits with per-event weights. */
    public static GradientBoostedRegressor fit(GradientBoostedTrees.Params params, Tensor x, Tensor y, Tensor weights) {
        return train(params, Dataset.of(x, y, weights), null);
    }

    /** A regressor made of given trees (model import); the ensemble must have one group. */
    public static GradientBoostedRegressor fromEnsemble(TreeEnsemble ensemble, Objective objective) {
        if (objective.isClassification() || objective == Objective.AUTO) {
            throw new IllegalArgumentException("GradientBoostedRegressor: objective " + objective
                    + " is not a regression objective");
        }
        if (ensemble.groups() != 1) {
            throw new IllegalArgumentException("GradientBoostedRegressor: expected one output group, got "
                    + ensemble.groups());
        }
        return new GradientBoostedRegressor(GradientBoostedTrees.Params.defaults().withObjective(objective), objective,
                ensemble, new double[0]);
    }

    static GradientBoostedRegressor train(GradientBoostedTrees.Params p, Dataset train, Dataset validation) {
        String method = "GradientBoostedRegressor";
        Objective obj = p.objective() == Objective.AUTO ? Objective.SQUARED_ERROR : p.objective();
        if (obj.isClassification()) {
            throw new IllegalArgumentException(method + ": objective " + obj + " is a classification objective; use"
                    + " GradientBoostedTrees.fit");
        }
        Inputs.Prepared d = Inputs.prepare(method, train, false, true, p.negativeWeights());
        Boosting.Validation v = GradientBoostedTrees.validation(method, validation, d.features(), 0);
        Boosting.Result r = Boosting.train(p, obj, d, v);
        return new GradientBoostedRegressor(p, obj, r.ensemble(), r.validationLoss());
    }

    @Override
    public int numFeatures() {
        return ensemble.numFeatures();
    }

    /** The hyperparameters of the fit. */
    public GradientBoostedTrees.Params params() {
        return params;
    }

    /** The loss the model was fitted with. */
    public Objective objective() {
        return objective;
    }

    /** The trees and base score. */
    public TreeEnsemble ensemble() {
        return ensemble;
    }

    /** Number of boosting rounds kept. */
    public int rounds() {
        return ensemble.numTrees();
    }

    /** The validation loss after each round run (empty without a validation set). */
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /** Predicted targets, float64 (n). */
    @Override
    public Tensor predict(Tensor x) {
        return predict(x, rounds());
    }

    /** Predictions of the first {@code rounds} trees. */
    public Tensor predict(Tensor x, int rounds) {
        if (rounds < 0 || rounds > rounds()) {
            throw new IllegalArgumentException("GradientBoostedRegressor: rounds must be 0 .. " + rounds() + ", got "
                    + rounds);
        }
        float[] xs = Inputs.features("GradientBoostedRegressor.predict", x, numFeatures());
        return Tensor.of(ensemble.margins(xs, x.size(0), rounds), x.size(0));
    }

    /** Predictions after each round (scikit-learn's {@code staged_predict}). */
    public List<Tensor> stagedPredict(Tensor x) {
        float[] xs = Inputs.features("GradientBoostedRegressor.stagedPredict", x, numFeatures());
        int n = x.size(0);
        double[] m = ensemble.margins(xs, n, 0);
        List<Tensor> out = new ArrayList<>();
        for (int t = 0; t < rounds(); t++) {
            ensemble.addTree(t, xs, n, m);
            out.add(Tensor.of(m.clone(), n));
        }
        return out;
    }

    @Override
    public Tensor featureImportances() {
        return featureImportances(Importance.TOTAL_GAIN);
    }

    /** Feature importances of the given kind, normalized to sum to 1. */
    public Tensor featureImportances(Importance kind) {
        return Trees.normalized(ensemble.importances(kind == Importance.SPLIT_COUNT));
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toJson());
        m.put("objective", objective.name());
        m.put("validationLoss", validationLoss);
        m.put("ensemble", ensemble.toJson());
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static GradientBoostedRegressor fromJson(Map<String, Object> m) {
        Objective obj = Trees.enumValue(Objective.class, JsonArrays.string(m, "objective"), "objective");
        GradientBoostedRegressor r = fromEnsemble(TreeEnsemble.fromJson(JsonArrays.object(m, "ensemble")), obj);
        return new GradientBoostedRegressor(GradientBoostedTrees.Params.fromJson(JsonArrays.object(m, "params")), obj,
                r.ensemble, JsonArrays.doubles(m, "validationLoss"));
    }

    @Override
    public String toString() {
        return "GradientBoostedRegressor(rounds=" + rounds() + ", objective=" + objective + ")";
    }
}
