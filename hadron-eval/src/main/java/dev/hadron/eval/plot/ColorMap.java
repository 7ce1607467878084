package dev.hadron.eval.plot;

/** Colour maps for heat maps, sampled by linear interpolation between anchor colours. */
public enum ColorMap {
    /** Matplotlib's perceptually uniform viridis (dark purple to yellow). */
    VIRIDIS("#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"),
    /** White to dark blue, for counts and efficiencies (confusion matrices). */
    BLUES("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"),
    /** Blue – white – red, for signed quantities centred on zero (correlations). */
    DIVERGING("#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b");

    private final Color[] anchors;

    ColorMap(String... hex) {
        anchors = new Color[hex.length];
        for (int i = 0; i < hex.length; i++) {
            anchors[i] = Color.rgb(hex[i]);
        }
    }

    /** The colour at t in [0, 1] (clamped). */
    public Color at(double t) {
        double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double pos = c * (anchors.length - 1);
        int i = Math.min((int) Math.floor(pos), anchors.length - 2);
        return anchors[i].mix(anchors[i + 1], pos - i);
    }
}
