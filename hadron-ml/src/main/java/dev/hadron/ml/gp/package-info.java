/** Gaussian-process regression with a small algebra of kernels. */
package dev.hadron.ml.gp;
