package dev.hadron.eval.plot;

/** The mapping from data coordinates to pixels of one plot area. */
record Frame(double left, double top, double width, double height, Scale xScale, Scale yScale, double xLo, double xHi, double yLo,
             double yHi, boolean invertY) {

    double px(double x) {
        return left + xScale.fraction(x, xLo, xHi) * width;
    }

    double py(double y) {
        double f = yScale.fraction(y, yLo, yHi);
        return invertY ? top + f * height : top + (1 - f) * height;
    }

    double bottom() {
        return top + height;
    }

    double right() {
        return left + width;
    }

    /** The lowest drawable y (0 on linear axes when in range, else the axis minimum): where histogram fills start. */
    double baseline() {
        if (yScale == Scale.LINEAR && yLo <= 0 && yHi >= 0) {
            return 0;
        }
        return yLo;
    }
}
