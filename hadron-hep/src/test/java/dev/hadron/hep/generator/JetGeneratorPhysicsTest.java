package dev.hadron.hep.generator;

import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The physics the toy generator must reproduce, on 2,500 jets of each type (a few seconds). The thresholds
 * are set well inside what the default parameters give (measured on 10⁴ jets of each type: W mode 77.5 GeV,
 * top mode 167.5 GeV, QCD mode 7.5 GeV; 94 % of W jets in [65, 95] GeV against 12 % of QCD jets, 70 % of top
 * jets in [140, 200] GeV against 10 %; AUC(τ₂₁, W vs QCD) = 0.84, AUC(τ₃₂, top vs QCD) = 0.69,
 * AUC(D2, W vs QCD) = 0.60), so they
 * catch a broken shower, detector, clustering or observable, not statistical noise (with 2,500 jets the
 * AUC's standard error is about 0.007 and a 5-GeV-bin mode moves by at most a bin).
 */
class JetGeneratorPhysicsTest {
    private static GeneratedJets qcd;
    private static GeneratedJets w;
    private static GeneratedJets top;

    @BeforeAll
    static void generate() {
        JetGenerator g = JetGenerator.defaults();
        qcd = g.generate(JetType.QCD, 2500, new Generator(101));
        w = g.generate(JetType.W, 2500, new Generator(202));
        top = g.generate(JetType.TOP, 2500, new Generator(303));
    }

    /** The centre of the most populated 5-GeV bin. */
    static double mode(double[] mass) {
        int[] h = new int[100];
        for (double m : mass) {
            int b = (int) Math.floor(m / 5);
            if (b >= 0 && b < h.length) {
                h[b]++;
            }
        }
        int best = 0;
        for (int i = 1; i < h.length; i++) {
            if (h[i] > h[best]) {
                best = i;
            }
        }
        return 5 * best + 2.5;
    }

    static double fraction(double[] v, double lo, double hi) {
        return Arrays.stream(v).filter(x -> x >= lo && x < hi).count() / (double) v.length;
    }

    /** Mann–Whitney AUC: the probability that a signal value exceeds a background value (ties count half). */
    static double auc(double[] signal, double[] background) {
        double[] b = background.clone();
        Arrays.sort(b);
        double sum = 0;
        for (double x : signal) {
            int lo = lowerBound(b, x);
            int hi = lowerBound(b, Math.nextUp(x));
            sum += lo + 0.5 * (hi - lo);
        }
        return sum / ((double) signal.length * b.length);
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] negate(double[] v) {
        return Arrays.stream(v).map(x -> -x).toArray();
    }

    @Test
    void wJetMassPeaksAtTheWMass() {
        // 80.4 GeV with a ~8 % jet-mass resolution and a few-GeV downward shift (out-of-cone radiation,
        // massless constituents, the 0.5 GeV threshold): the peak must sit within +-7.5 GeV of 80.4
        double peak = mode(w.feature("mass").toDoubleArray());
        assertTrue(peak > 72.9 && peak < 87.9, "W mass peak at " + peak + " GeV");
        assertTrue(fraction(w.feature("mass").toDoubleArray(), 65, 95) > 0.8, "most W jets in [65, 95] GeV");
    }

    @Test
    void topJetMassPeaksAtTheTopMass() {
        // 172.5 GeV, same reasoning (+-12.5 GeV ~ 7 %); a low tail from b or W outside the R = 0.8 cone is expected
        double peak = mode(top.feature("mass").toDoubleArray());
        assertTrue(peak > 160 && peak < 185, "top mass peak at " + peak + " GeV");
        assertTrue(fraction(top.feature("mass").toDoubleArray(), 140, 200) > 0.55, "most top jets in [140, 200] GeV");
    }

    @Test
    void qcdJetMassIsBroadAndFallingWithNoPeakAtTheResonances() {
        double[] m = qcd.feature("mass").toDoubleArray();
        double peak = mode(m);
        assertTrue(peak < 40, "QCD mass distribution peaks at low mass, got " + peak);
        assertTrue(fraction(m, 65, 95) < 0.25, "few QCD jets in the W window: " + fraction(m, 65, 95));
        assertTrue(fraction(m, 140, 200) < 0.2, "few QCD jets in the top window: " + fraction(m, 140, 200));
        assertTrue(fraction(m, 100, 400) > 0.1, "but a long tail to high masses: " + fraction(m, 100, 400));
    }

    @Test
    void tau21SeparatesWFromQcd() {
        // low tau21 = 2-prong; AUC of -tau21 with W as signal
        double a = auc(negate(w.feature("tau21").toDoubleArray()), negate(qcd.feature("tau21").toDoubleArray()));
        assertTrue(a > 0.75, "AUC(tau21, W vs QCD) = " + a);
    }

    @Test
    void tau32SeparatesTopFromQcdAndD2SeparatesWFromQcd() {
        double a = auc(negate(top.feature("tau32").toDoubleArray()), negate(qcd.feature("tau32").toDoubleArray()));
        assertTrue(a > 0.6, "AUC(tau32, top vs QCD) = " + a);
        double d = auc(negate(w.feature("d2_b1").toDoubleArray()), negate(qcd.feature("d2_b1").toDoubleArray()));
        assertTrue(d > 0.55, "AUC(D2, W vs QCD) = " + d);
    }

    @Test
    void topJetsHaveMoreConstituentsThanWJets() {
        double wMult = Arrays.stream(w.feature("multiplicity").toDoubleArray()).average().orElseThrow();
        double tMult = Arrays.stream(top.feature("multiplicity").toDoubleArray()).average().orElseThrow();
        assertTrue(tMult > wMult, "top (" + tMult + ") vs W (" + wMult + ") multiplicity");
    }
}
