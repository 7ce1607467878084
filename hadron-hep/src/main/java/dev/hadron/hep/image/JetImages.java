package dev.hadron.hep.image;

import dev.hadron.hep.vector.FourVector;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.hep.vector.Kinematics;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

/**
 * Jet images (Cogan, Kagan, Strauss, Schwartzman, arXiv:1407.5675; de Oliveira et al., arXiv:1511.05190):
 * the constituents' transverse momenta deposited on a square grid in (η, φ) around the jet, after the
 * standard preprocessing: centring, rotation to the principal axis, flipping, normalisation.
 *
 * <p>Steps, per jet, with η and φ of the constituents measured from the jet axis (the E-scheme sum of the
 * constituents; Δφ wrapped into (−π, π]):
 * <ol>
 *   <li>{@code center}: translate so that the pt-weighted centroid is at (0, 0);
 *   <li>{@code rotate}: rotate about the origin so that the principal axis of the pt-weighted second-moment
 *       tensor is vertical (along φ′), e.g. the two prongs of a W jet one above the other;
 *   <li>{@code flip}: mirror η′ (and φ′) so that the half-plane η′ &gt; 0 (φ′ &gt; 0) carries more pt;
 *   <li>pixelise: {@code pixels × pixels} cells covering [−halfWidth, halfWidth]² (constituents outside are
 *       dropped); image[jet][row][col] with the column following η′ and the row following φ′, both increasing;
 *   <li>{@code normalization}: none (pt in GeV), {@code SUM} (pixels sum to 1) or {@code L2} (unit
 *       Euclidean norm).
 * </ol>
 * The defaults are 20 × 20 pixels over ±0.8 (R = 0.8 jets, pixel size 0.08), as the 20 × 20 jet images of
 * the CoDaS-HEP exercises.
 *
 * <p>The pixel intensities are differentiable with respect to the constituents' pt (the geometry—which pixel a
 * constituent lands in—is a discrete choice made on the values).
 *
 * @param pixels pixels per side (≥ 1)
 * @param halfWidth half the side of the image in η and φ (&gt; 0)
 * @param center translate the pt centroid to the centre
 * @param rotate rotate the principal axis to the vertical
 * @param flip mirror so the heavier halves are at positive η′ and φ′
 * @param normalization how intensities are scaled
 */
public record JetImages(int pixels, double halfWidth, boolean center, boolean rotate, boolean flip, Normalization normalization) {
    /** How pixel intensities are scaled. */
    public enum Normalization {
        /** Raw pt per pixel, in GeV. */
        NONE,
        /** Pixels of each image sum to 1 (empty images stay 0). */
        SUM,
        /** Each image has unit Euclidean norm (empty images stay 0). */
        L2
    }

    /** Validates the parameters. */
    public JetImages {
        if (pixels < 1 || pixels > 4096) {
            throw new IllegalArgumentException("JetImages: pixels must be in 1..4096, got " + pixels);
        }
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("JetImages: halfWidth must be a finite number > 0, got " + halfWidth);
        }
        if (normalization == null) {
            throw new IllegalArgumentException("JetImages: normalization is null; use Normalization.NONE for raw pt");
        }
    }

    /** 20 × 20 pixels over ±0.8, centred, rotated, flipped, pixels summing to 1. */
    public static JetImages defaults() {
        return new JetImages(20, 0.8, true, true, true, Normalization.SUM);
    }

    /** A copy with another number of pixels per side. */
    public JetImages withPixels(int newPixels) {
        return new JetImages(newPixels, halfWidth, center, rotate, flip, normalization);
    }

    /** A copy with another half width. */
    public JetImages withHalfWidth(double newHalfWidth) {
        return new JetImages(pixels, newHalfWidth, center, rotate, flip, normalization);
    }

    /** A copy with centring on or off. */
    public JetImages withCenter(boolean on) {
        return new JetImages(pixels, halfWidth, on, rotate, flip, normalization);
    }

    /** A copy with rotation on or off. */
    public JetImages withRotate(boolean on) {
        return new JetImages(pixels, halfWidth, center, on, flip, normalization);
    }

    /** A copy with flipping on or off. */
    public JetImages withFlip(boolean on) {
        return new JetImages(pixels, halfWidth, center, rotate, on, normalization);
    }

    /** A copy with another normalisation. */
    public JetImages withNormalization(Normalization newNormalization) {
        return new JetImages(pixels, halfWidth, center, rotate, flip, newNormalization);
    }

    /** The images of all jets (one jet per "event" of {@code constituents}): shape (jets, pixels, pixels). */
    public Tensor compute(JaggedFourVector constituents) {
        int jets = constituents.numEvents();
        FourVector flat = constituents.flat();
        DType dtype = flat.dtype();
        FourVector values = flat.detach().to(DType.FLOAT64);
        FourVector axes = constituents.sum().detach().to(DType.FLOAT64);
        double[] pt = values.pt().toDoubleArray();
        double[] eta = values.eta().toDoubleArray();
        double[] phi = values.phi().toDoubleArray();
        double[] axisEta = axes.eta().toDoubleArray();
        double[] axisPhi = axes.phi().toDoubleArray();
        long[] off = constituents.offsetsArray();
        int total = pt.length;
        long[] cell = new long[total];
        long[] keptRows = new long[total];
        int kept = 0;
        double pixelSize = 2 * halfWidth / pixels;
        double[] x = new double[total];
        double[] y = new double[total];
        for (int j = 0; j < jets; j++) {
            int s = (int) off[j];
            int e = (int) off[j + 1];
            for (int i = s; i < e; i++) {
                x[i] = eta[i] - axisEta[j];
                y[i] = wrap(phi[i] - axisPhi[j]);
            }
            transform(x, y, pt, s, e);
            for (int i = s; i < e; i++) {
                int col = (int) Math.floor((x[i] + halfWidth) / pixelSize);
                int row = (int) Math.floor((y[i] + halfWidth) / pixelSize);
                if (col >= 0 && col < pixels && row >= 0 && row < pixels && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    cell[kept] = ((long) j * pixels + row) * pixels + col;
                    keptRows[kept] = i;
                    kept++;
                }
            }
        }
        Tensor intensity = flat.pt().indexSelect(0, Tensor.of(java.util.Arrays.copyOf(keptRows, kept), kept));
        Tensor image = Tensor.zeros(dtype, jets * pixels * pixels)
                .indexAdd(0, Tensor.of(java.util.Arrays.copyOf(cell, kept), kept), intensity)
                .reshape(jets, pixels, pixels);
        return switch (normalization) {
            case NONE -> image;
            case SUM -> divideOrZero(image, image.sum(new int[] {1, 2}, true));
            case L2 -> divideOrZero(image, Kinematics.safeSqrt(image.square().sum(new int[] {1, 2}, true)));
        };
    }

    private static Tensor divideOrZero(Tensor image, Tensor norm) {
        Tensor ok = norm.gt(0);
        return image.div(Tensor.where(ok, norm, Tensor.onesLike(norm)));
    }

    private static double wrap(double d) {
        return d - 2 * Math.PI * Math.ceil((d - Math.PI) / (2 * Math.PI));
    }

    /** Centres, rotates and flips the coordinates of one jet's constituents in place. */
    private void transform(double[] x, double[] y, double[] w, int s, int e) {
        double sw = 0;
        for (int i = s; i < e; i++) {
            sw += w[i];
        }
        if (!(sw > 0)) {
            return;
        }
        if (center) {
            double cx = 0;
            double cy = 0;
            for (int i = s; i < e; i++) {
                cx += w[i] * x[i];
                cy += w[i] * y[i];
            }
            cx /= sw;
            cy /= sw;
            for (int i = s; i < e; i++) {
                x[i] -= cx;
                y[i] -= cy;
            }
        }
        if (rotate) {
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            for (int i = s; i < e; i++) {
                sxx += w[i] * x[i] * x[i];
                syy += w[i] * y[i] * y[i];
                sxy += w[i] * x[i] * y[i];
            }
            // angle of the principal axis from the x (η) axis; rotate it onto the y (φ) axis
            double theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
            double alpha = Math.PI / 2 - theta;
            double c = Math.cos(alpha);
            double sn = Math.sin(alpha);
            for (int i = s; i < e; i++) {
                double nx = c * x[i] - sn * y[i];
                double ny = sn * x[i] + c * y[i];
                x[i] = nx;
                y[i] = ny;
            }
        }
        if (flip) {
            double px = 0;
            double nx = 0;
            double py = 0;
            double ny = 0;
            for (int i = s; i < e; i++) {
                if (x[i] > 0) {
                    px += w[i];
                } else if (x[i] < 0) {
                    nx += w[i];
                }
                if (y[i] > 0) {
                    py += w[i];
                } else if (y[i] < 0) {
                    ny += w[i];
                }
            }
            boolean fx = nx > px;
            boolean fy = ny > py;
            for (int i = s; i < e; i++) {
                if (fx) {
                    x[i] = -x[i];
                }
                if (fy) {
                    y[i] = -y[i];
                }
            }
        }
    }
}
