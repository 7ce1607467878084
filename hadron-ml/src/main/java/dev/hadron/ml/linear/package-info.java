/**
 * Linear models: least squares, ridge, lasso and elastic net for regression, logistic regression
 * for classification.
 */
package dev.hadron.ml.linear;
