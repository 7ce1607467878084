/** npy. */
package dev.hadron.io.npy;
