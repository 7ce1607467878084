/** Discriminant analysis: ROOT TMVA's Fisher linear discriminant. */
package dev.hadron.ml.discriminant;
