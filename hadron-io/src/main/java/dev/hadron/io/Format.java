package dev.hadron.io;

/** The file formats {@link DataFiles} recognises. */
public enum Format {
    /** Delimited text: comma, tab, semicolon, pipe or whitespace separated ({@code .csv}, {@code .tsv}, {@code .txt}, ...). */
    CSV("csv"),
    /** A NumPy array ({@code .npy}). */
    NPY("npy"),
    /** A zip of NumPy arrays ({@code .npz}). */
    NPZ("npz"),
    /** HDF5 ({@code .h5}, {@code .hdf5}). */
    HDF5("hdf5"),
    /** Apache Parquet ({@code .parquet}). */
    PARQUET("parquet"),
    /** A ROOT file ({@code .root}): its TTrees, read by {@link dev.hadron.io.root.RootFile}. */
    ROOT("root");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    /** The short lowercase name used in summaries ({@code csv}, {@code hdf5}, ...). */
    public String id() {
        return id;
    }
}
