/** Hadron ML: classic machine learning and boosted decision trees behind one estimator contract. */
module dev.hadron.ml {
    requires transitive dev.hadron.core;

    exports dev.hadron.ml;
    exports dev.hadron.ml.tree;
    exports dev.hadron.ml.xgboost;
    exports dev.hadron.ml.linear;
    exports dev.hadron.ml.discriminant;
    exports dev.hadron.ml.cluster;
    exports dev.hadron.ml.decomposition;
    exports dev.hadron.ml.neighbors;
    exports dev.hadron.ml.gp;
    exports dev.hadron.ml.svm;
}
