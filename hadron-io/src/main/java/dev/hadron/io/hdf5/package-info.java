/** hdf5. */
package dev.hadron.io.hdf5;
