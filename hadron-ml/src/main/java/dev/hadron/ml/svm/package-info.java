/**
 * Support-vector machines: {@link dev.hadron.ml.svm.SVC}, a kernel classifier (linear, RBF,
 * polynomial) trained by sequential minimal optimization with LIBSVM's working-set selection,
 * one-against-one for several classes, and Platt probabilities, matching scikit-learn's {@code SVC}.
 * Event weights scale the penalty C per event.
 *
 * <pre>{@code
 * SVC svm = SVC.Params.defaults().withC(10).withProbability(true).withSeed(3).fit(Dataset.of(x, y, weights));
 * Tensor score = svm.decisionFunction(xTest);          // positive favours class 1
 * Tensor p = svm.predictProba(xTest);
 * }</pre>
 */
package dev.hadron.ml.svm;
