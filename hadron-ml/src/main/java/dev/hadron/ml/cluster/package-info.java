/** Clustering: k-means. */
package dev.hadron.ml.cluster;
