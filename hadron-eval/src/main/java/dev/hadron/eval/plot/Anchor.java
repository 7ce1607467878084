package dev.hadron.eval.plot;

/** Horizontal text alignment relative to the anchor point. */
enum Anchor {
    START("start"), MIDDLE("middle"), END("end");

    final String svg;

    Anchor(String svg) {
        this.svg = svg;
    }
}
