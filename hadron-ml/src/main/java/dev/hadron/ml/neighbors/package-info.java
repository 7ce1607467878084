/** Nearest neighbours: a k-d tree / brute-force index, k-NN classification and regression. */
package dev.hadron.ml.neighbors;
