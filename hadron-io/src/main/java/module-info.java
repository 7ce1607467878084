/** Hadron I/O: readers (and writers) for the files physicists have. */
module dev.hadron.io {
    requires transitive dev.hadron.core;
    requires org.tukaani.xz;

    exports dev.hadron.io.root;
}
