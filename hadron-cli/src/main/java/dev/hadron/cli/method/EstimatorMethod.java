package dev.hadron.cli.method;

import dev.hadron.cli.config.ConfigNode;
import dev.hadron.cli.config.MethodConfig;
import dev.hadron.cli.config.MethodType;
import dev.hadron.data.Dataset;
import dev.hadron.eval.report.TrainingHistory;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.Model;
import dev.hadron.ml.ModelIO;
import dev.hadron.ml.Predictor;
import dev.hadron.ml.tree.AdaBoost;
import dev.hadron.ml.tree.DecisionTree;
import dev.hadron.ml.tree.GradientBoostedTrees;
import dev.hadron.ml.tree.RandomForest;
import dev.hadron.tensor.Tensor;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Methods of hadron-ml behind its estimator contract: the config's {@code params:} set the
 * hyperparameter record ({@link Hyperparameters}), the study seed and {@code --threads} fill
 * {@code seed}/{@code threads} when the user did not, and the fitted model is saved with
 * {@link ModelIO} as versioned JSON.
 */
public final class EstimatorMethod {
    private EstimatorMethod() {
    }

    /** The hyperparameter record of {@code type} with the config's params, seed and threads applied. */
    public static Record params(MethodConfig m, boolean classification, long seed, int threads) {
        Record base = switch (m.type()) {
            case GBT -> GradientBoostedTrees.Params.defaults();
            case RANDOM_FOREST -> classification ? RandomForest.Params.defaults() : RandomForest.Params.regressionDefaults();
            case ADABOOST -> AdaBoost.Params.defaults();
            case DECISION_TREE -> classification ? DecisionTree.Params.defaults() : DecisionTree.Params.regressionDefaults();
            default -> ClassicMethods.params(m, classification);
        };
        base = Hyperparameters.setIfPresent(base, "seed", seed);
        base = Hyperparameters.setIfPresent(base, "threads", threads);
        return Hyperparameters.apply(base, m.params());
    }

    /** Fits the method on preprocessed training data (validation used where the method supports it, e.g. GBT's loss curve). */
    @SuppressWarnings("unchecked")
    public static FittedModel fit(MethodConfig m, boolean classification, Record params, Dataset train, Dataset valid) {
        Estimator<? extends Model> est;
        if (classification) {
            est = (Estimator<? extends Model>) params;
        } else {
            est = regressor(m, params);
        }
        Model model = valid != null && valid.size() > 0 ? est.fit(train, valid) : est.fit(train);
        TrainingHistory h = null;
        if (model instanceof GradientBoostedTrees g && g.validationLoss() != null && g.validationLoss().length > 0) {
            h = TrainingHistory.empty().with("loss", "validation", g.validationLoss());
        }
        return new Fitted(model, h);
    }

    @SuppressWarnings("unchecked")
    private static Estimator<? extends Model> regressor(MethodConfig m, Record params) {
        if (!isTree(m.type())) {
            return (Estimator<? extends Model>) params;   // the classic methods' records are already the task's estimator
        }
        try {
            Method r = params.getClass().getMethod("regressor");
            return (Estimator<? extends Model>) r.invoke(params);
        } catch (NoSuchMethodException e) {
            throw ConfigNode.of(m.node().file(), m.node().path(), null).error("method type " + m.type().id()
                    + " does not do regression; use gbt, random_forest, decision_tree, knn, linear, gp or nn");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a regressor of " + params, e);
        }
    }

    /** Loads a model saved by {@link Fitted#save}. */
    public static FittedModel load(Path dir, Map<String, Object> description) {
        return new Fitted(ModelIO.load(dir.resolve(String.valueOf(description.get("file")))), null);
    }

    /** A fitted hadron-ml model. */
    record Fitted(Model model, TrainingHistory history) implements FittedModel {
        @Override
        public Tensor predict(Dataset inputs) {
            if (model instanceof Classifier c) {
                return c.predictProba(inputs.features());
            }
            return ((Predictor) model).predict(inputs.features());
        }

        @Override
        public Map<String, Object> save(Path dir) {
            ModelIO.save(model, dir.resolve("model.json"));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", "estimator");
            d.put("file", "model.json");
            d.put("class", model.getClass().getName());
            return d;
        }
    }

    private static boolean isTree(MethodType t) {
        return switch (t) {
            case GBT, RANDOM_FOREST, ADABOOST, DECISION_TREE -> true;
            default -> false;
        };
    }

    /** True for the types this class trains. */
    public static boolean handles(MethodType t) {
        return t != MethodType.NN;
    }
}
