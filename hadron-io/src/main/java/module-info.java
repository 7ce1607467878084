/** Hadron I/O: readers (and writers) for the files physicists have. */
module dev.hadron.io {
    requires transitive dev.hadron.core;
    requires org.tukaani.xz;
    requires io.jhdf;

    exports dev.hadron.io;
    exports dev.hadron.io.csv;
    exports dev.hadron.io.npy;
    exports dev.hadron.io.hdf5;
    exports dev.hadron.io.parquet;
    exports dev.hadron.io.root;
}
