/** Matrix decompositions: principal component analysis. */
package dev.hadron.ml.decomposition;
