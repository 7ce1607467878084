package dev.hadron.cli.method;

import dev.hadron.cli.config.ConfigNode;
import dev.hadron.cli.config.MethodConfig;
import dev.hadron.ml.discriminant.FisherDiscriminant;
import dev.hadron.ml.gp.GaussianProcessRegressor;
import dev.hadron.ml.gp.Kernel;
import dev.hadron.ml.linear.LinearRegression;
import dev.hadron.ml.linear.LogisticRegression;
import dev.hadron.ml.neighbors.KNeighborsClassifier;
import dev.hadron.ml.neighbors.KNeighborsRegressor;
import dev.hadron.ml.svm.SVC;

/**
 * The default hyperparameter records of the classic (non-tree) methods of hadron-ml, chosen by task:
 * each record is itself the estimator that fits the model. Defaults are scikit-learn's, except where
 * a study needs more: the SVM fits Platt probabilities (ROC curves need a score per class) and the
 * Gaussian process learns a noise level and standardizes the target (measured data are noisy).
 */
final class ClassicMethods {
    private ClassicMethods() {
    }

    static Record params(MethodConfig m, boolean classification) {
        return switch (m.type()) {
            case FISHER -> classification ? FisherDiscriminant.Params.defaults() : refuse(m, "classification", "linear or gp");
            case LOGISTIC -> classification ? LogisticRegression.Params.defaults() : refuse(m, "classification", "linear or gp");
            case SVM -> classification ? SVC.Params.defaults().withProbability(true) : refuse(m, "classification", "linear, gp or knn");
            case KNN -> classification ? KNeighborsClassifier.Params.defaults() : KNeighborsRegressor.Params.defaults();
            case LINEAR -> classification ? refuse(m, "regression", "logistic or fisher") : LinearRegression.Params.defaults();
            case GP -> classification ? refuse(m, "regression", "svm or knn")
                    : GaussianProcessRegressor.Params.defaults()
                            .withKernel(Kernel.constant(1.0).times(Kernel.rbf(1.0)).plus(Kernel.white(0.1))).withNormalizeY(true);
            default -> throw new IllegalArgumentException(m.type().id() + " is not a classic method");
        };
    }

    private static Record refuse(MethodConfig m, String task, String instead) {
        throw ConfigNode.of(m.node().file(), m.node().path(), null).error("type " + m.type().id() + " does only " + task
                + "; for this task use " + instead + " (or gbt, random_forest, nn)");
    }
}
