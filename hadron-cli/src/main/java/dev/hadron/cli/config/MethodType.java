package dev.hadron.cli.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The methods a study can train, by their config name ({@code type: gbt}). */
public enum MethodType {
    /** Histogram gradient-boosted trees (XGBoost-like). */
    GBT("gbt", "gradient-boosted decision trees (dev.hadron.ml.tree.GradientBoostedTrees)", true, "bdt"),
    /** A random forest. */
    RANDOM_FOREST("random_forest", "random forest (dev.hadron.ml.tree.RandomForest)", false, "rf"),
    /** AdaBoost on shallow trees (TMVA's classic BDT). */
    ADABOOST("adaboost", "AdaBoost on decision trees (dev.hadron.ml.tree.AdaBoost)", false),
    /** One CART tree. */
    DECISION_TREE("decision_tree", "a single CART decision tree (dev.hadron.ml.tree.DecisionTree)", false),
    /** Fisher's linear discriminant. */
    FISHER("fisher", "Fisher linear discriminant (dev.hadron.ml.discriminant)", false, "lda"),
    /** Logistic regression. */
    LOGISTIC("logistic", "logistic regression (dev.hadron.ml.linear)", false, "logistic_regression"),
    /** k nearest neighbours. */
    KNN("knn", "k nearest neighbours (dev.hadron.ml.neighbors)", false),
    /** A support-vector machine. */
    SVM("svm", "support-vector machine with Platt probabilities (dev.hadron.ml.svm)", false, "svc"),
    /** Linear (ridge) regression. */
    LINEAR("linear", "linear least-squares or ridge regression (dev.hadron.ml.linear)", false, "linear_regression", "ridge"),
    /** Gaussian-process regression. */
    GP("gp", "Gaussian-process regression (dev.hadron.ml.gp)", false, "gaussian_process"),
    /** A neural network described by its layer list. */
    NN("nn", "a neural network built from the `layers:` list (dev.hadron.nn)", false, "mlp", "network");

    private final String id;
    private final String description;
    private final boolean handlesMissing;
    private final List<String> aliases;

    MethodType(String id, String description, boolean handlesMissing, String... aliases) {
        this.id = id;
        this.description = description;
        this.handlesMissing = handlesMissing;
        this.aliases = List.of(aliases);
    }

    /** The config name. */
    public String id() {
        return id;
    }

    /** What it is. */
    public String description() {
        return description;
    }

    /** True for gradient-boosted trees, which route missing values (NaN) themselves; others get them imputed. */
    public boolean handlesMissing() {
        return handlesMissing;
    }

    /** The type named {@code name} (or one of its aliases), or null. */
    public static MethodType find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (MethodType t : values()) {
            if (t.id.equals(n) || t.aliases.contains(n)) {
                return t;
            }
        }
        return null;
    }

    /** Every config name. */
    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (MethodType t : values()) {
            out.add(t.id);
        }
        return out;
    }
}
