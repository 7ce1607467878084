/** Support-vector machines: kernel SVC trained by SMO, with Platt probabilities. */
package dev.hadron.ml.svm;
