package dev.hadron.cli.study;

/** The shape of one input set: what layers and methods can take it. */
public enum InputKind {
    /** One row of numbers per event (events, features): every method. */
    DENSE,
    /** A variable-length list of particles per event, each a row of numbers: networks with a pooling layer. */
    JAGGED,
    /** An image per event (events, channels, height, width): networks with convolutions. */
    IMAGE
}
