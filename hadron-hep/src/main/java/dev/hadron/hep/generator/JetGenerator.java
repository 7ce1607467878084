package dev.hadron.hep.generator;

import dev.hadron.hep.image.JetImages;
import dev.hadron.hep.jet.ClusterSequence;
import dev.hadron.hep.jet.JetDefinition;
import dev.hadron.hep.jet.PseudoJet;
import dev.hadron.hep.substructure.EnergyCorrelation;
import dev.hadron.hep.substructure.NSubjettiness;
import dev.hadron.hep.vector.FourVector;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * A built-in toy jet generator, so that examples, tests and benchmarks run with nothing downloaded. It
 * produces boosted QCD, W (2-prong) and top (3-prong) jets with constituents, high-level features and
 * images ({@link GeneratedJets}).
 *
 * <p><b>What it is.</b> A simplified parton shower in the manner of Ginkgo (Cranmer, Drnevich, Macaluso,
 * Pappadopulo, arXiv:2002.11661), followed by a crude detector ({@link Detector}) and anti-kT clustering:
 * <ul>
 *   <li>the initiating object gets pt uniform in [ptMin, ptMax], η uniform in [−etaMax, etaMax], φ uniform;
 *   <li>QCD: a quark (C = 4/3) or gluon (C = 3) whose jet mass is drawn from the leading-log Sudakov form
 *       {@code Σ(ρ) = exp(−(α_s C/2π) ln²ρ)}, ρ = m²/(pt R)², then showered;
 *   <li>W: mass from a Breit–Wigner (80.38, Γ 2.09 GeV), isotropic decay to two quarks whose virtualities are
 *       {@code t = m_W²·x} with x exponential of rate {@code resonanceRate}, each quark then showered;
 *   <li>top: mass from a Breit–Wigner (172.5, Γ 1.42 GeV), t → b W, W → q q̄, the same way;
 *   <li>showering: Ginkgo's recursion, children virtualities {@code t·x_L} and {@code (√t − √t_L)²·x_R} with
 *       x exponential of rate {@code qcdRate} truncated below 1, isotropic decays in the parent's rest frame,
 *       stopping below {@code cutoffMass}; four-momentum is conserved exactly;
 *   <li>the final particles pass the {@link Detector}, are clustered with anti-kT of radius
 *       {@code jetRadius}, and the leading jet is kept.
 * </ul>
 *
 * <p><b>What it is not.</b> Not Pythia + Delphes: no colour coherence, no soft-collinear splitting
 * functions (decays are isotropic, so energy sharing is flat), no hadronisation, no underlying event or
 * pile-up, no real detector geometry. It reproduces the qualitative physics that jet taggers learn —
 * jet-mass peaks at the W and top masses on a broad, falling QCD background, two- and three-prong
 * substructure visible in τ₂₁ and τ₃₂ — and the shapes of the real benchmark data (constituent lists,
 * hls4ml-like features, 20 × 20 images), but numbers learned on it do not transfer to real data.
 *
 * <pre>{@code
 * JetGenerator generator = JetGenerator.defaults();
 * GeneratedJets jets = generator.generateMixture(5000, new Generator(42), JetType.QCD, JetType.W);
 * Dataset data = jets.toDataset();                // 13 features, labels 0 (QCD) / 1 (W)
 * Tensor images = jets.images().unsqueeze(1);     // (10000, 1, 20, 20)
 * }</pre>
 *
 * @param ptMin lower edge of the initiating object's pt (GeV)
 * @param ptMax upper edge of the initiating object's pt (GeV)
 * @param etaMax half-range of the initiating object's η
 * @param jetRadius the anti-kT radius R (also R0 of the N-subjettiness normalisation)
 * @param cutoffMass showering stops below this virtuality (GeV); sets the particle multiplicity
 * @param qcdRate rate λ of the exponential virtuality fractions in the shower (Ginkgo uses 1.5)
 * @param resonanceRate rate λ for the starting virtualities of W and top decay products (larger: narrower prongs)
 * @param alphaS the strong coupling in the QCD jet-mass Sudakov
 * @param gluonFraction fraction of QCD jets initiated by gluons
 * @param detector the detector response
 * @param images the jet-image settings
 */
public record JetGenerator(double ptMin, double ptMax, double etaMax, double jetRadius, double cutoffMass, double qcdRate,
        double resonanceRate, double alphaS, double gluonFraction, Detector detector, JetImages images) {
    private static final double W_MASS = 80.379;
    private static final double W_WIDTH = 2.085;
    private static final double TOP_MASS = 172.5;
    private static final double TOP_WIDTH = 1.42;
    private static final double B_MASS = 4.8;
    private static final int MAX_TRIES = 1000;

    /** Validates the parameters. */
    public JetGenerator {
        positive("ptMin", ptMin);
        positive("ptMax", ptMax);
        if (ptMax < ptMin) {
            throw new IllegalArgumentException("JetGenerator: ptMax (" + ptMax + ") must be >= ptMin (" + ptMin + ")");
        }
        if (!(etaMax >= 0) || !(etaMax <= 5)) {
            throw new IllegalArgumentException("JetGenerator: etaMax must be in [0, 5], got " + etaMax);
        }
        if (!(jetRadius > 0) || !(jetRadius <= 2)) {
            throw new IllegalArgumentException("JetGenerator: jetRadius must be in (0, 2], got " + jetRadius);
        }
        positive("cutoffMass", cutoffMass);
        positive("qcdRate", qcdRate);
        positive("resonanceRate", resonanceRate);
        if (!(alphaS > 0) || !(alphaS < 1)) {
            throw new IllegalArgumentException("JetGenerator: alphaS must be in (0, 1), got " + alphaS);
        }
        if (!(gluonFraction >= 0) || !(gluonFraction <= 1)) {
            throw new IllegalArgumentException("JetGenerator: gluonFraction must be in [0, 1], got " + gluonFraction);
        }
        if (detector == null || images == null) {
            throw new IllegalArgumentException("JetGenerator: detector and images must not be null (use Detector.perfect()"
                    + " for no smearing)");
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("JetGenerator: " + name + " must be a finite number > 0, got " + v);
        }
    }

    /**
     * pt in [550, 650] GeV and |η| &lt; 2 (the top-tagging reference sample's window), anti-kT R = 0.8,
     * cut-off 1 GeV, λ = 1.5 (Ginkgo's QCD rate), resonance rate 18, α_s = 0.1, half gluons, the default
     * detector and 20 × 20 images.
     */
    public static JetGenerator defaults() {
        return new JetGenerator(550, 650, 2.0, 0.8, 1.0, 1.5, 18.0, 0.1, 0.5, Detector.defaults(), JetImages.defaults());
    }

    /** A copy with another pt window (GeV). */
    public JetGenerator withPtRange(double newPtMin, double newPtMax) {
        return new JetGenerator(newPtMin, newPtMax, etaMax, jetRadius, cutoffMass, qcdRate, resonanceRate, alphaS, gluonFraction,
                detector, images);
    }

    /** A copy with another η range. */
    public JetGenerator withEtaMax(double newEtaMax) {
        return new JetGenerator(ptMin, ptMax, newEtaMax, jetRadius, cutoffMass, qcdRate, resonanceRate, alphaS, gluonFraction,
                detector, images);
    }

    /** A copy with another jet radius. */
    public JetGenerator withJetRadius(double r) {
        return new JetGenerator(ptMin, ptMax, etaMax, r, cutoffMass, qcdRate, resonanceRate, alphaS, gluonFraction, detector,
                images);
    }

    /** A copy with another shower cut-off (GeV). */
    public JetGenerator withCutoffMass(double m) {
        return new JetGenerator(ptMin, ptMax, etaMax, jetRadius, m, qcdRate, resonanceRate, alphaS, gluonFraction, detector,
                images);
    }

    /** A copy with another shower rate. */
    public JetGenerator withQcdRate(double rate) {
        return new JetGenerator(ptMin, ptMax, etaMax, jetRadius, cutoffMass, rate, resonanceRate, alphaS, gluonFraction, detector,
                images);
    }

    /** A copy with another resonance-decay rate. */
    public JetGenerator withResonanceRate(double rate) {
        return new JetGenerator(ptMin, ptMax, etaMax, jetRadius, cutoffMass, qcdRate, rate, alphaS, gluonFraction, detector,
                images);
    }

    /** A copy with another α_s. */
    public JetGenerator withAlphaS(double a) {
        return new JetGenerator(ptMin, ptMax, etaMax, jetRadius, cutoffMass, qcdRate, resonanceRate, a, gluonFraction, detector,
                images);
    }

    /** A copy with another gluon fraction for QCD jets. */
    public JetGenerator withGluonFraction(double f) {
        return new JetGenerator(ptMin, ptMax, etaMax, jetRadius, cutoffMass, qcdRate, resonanceRate, alphaS, f, detector, images);
    }

    /** A copy with another detector. */
    public JetGenerator withDetector(Detector d) {
        return new JetGenerator(ptMin, ptMax, etaMax, jetRadius, cutoffMass, qcdRate, resonanceRate, alphaS, gluonFraction, d,
                images);
    }

    /** A copy with other image settings. */
    public JetGenerator withImages(JetImages i) {
        return new JetGenerator(ptMin, ptMax, etaMax, jetRadius, cutoffMass, qcdRate, resonanceRate, alphaS, gluonFraction,
                detector, i);
    }

    /** {@code n} jets of one type. */
    public GeneratedJets generate(JetType type, int n, Generator gen) {
        return generateMixture(n, gen, type);
    }

    /**
     * {@code nPerType} jets of each of {@code types}, shuffled together (labels tell them apart). The same
     * seed gives the same jets.
     */
    public GeneratedJets generateMixture(int nPerType, Generator gen, JetType... types) {
        if (nPerType < 0) {
            throw new IllegalArgumentException("JetGenerator: the number of jets must be >= 0, got " + nPerType);
        }
        if (types.length == 0) {
            throw new IllegalArgumentException("JetGenerator: give at least one JetType");
        }
        if (gen == null) {
            throw new IllegalArgumentException("JetGenerator: the Generator is null; pass new Generator(seed)");
        }
        int n = nPerType * types.length;
        long[] order = shuffled(n, gen);
        Generator[] streams = gen.split(n);
        Jet[] jets = new Jet[n];
        // each jet has its own pre-split stream, so the result does not depend on the number of threads
        ThreadLocal<Shower> showers = ThreadLocal.withInitial(() -> new Shower(cutoffMass, qcdRate));
        java.util.stream.IntStream.range(0, n).parallel().forEach(k ->
                jets[(int) order[k]] = oneJet(types[k / nPerType], streams[k], showers.get()));
        return assemble(jets);
    }

    private static long[] shuffled(int n, Generator gen) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = gen.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** One generated jet before batching: constituents (pt, η, φ, E) hardest first, and the truth. */
    private record Jet(JetType type, double[] constituents, int count, double[] truth) {
    }

    private Jet oneJet(JetType type, Generator g, Shower shower) {
        double[] measured = new double[4 * 64];
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            double pt = ptMin + (ptMax - ptMin) * g.nextDouble();
            double eta = etaMax * (2 * g.nextDouble() - 1);
            double phi = Math.PI * (2 * g.nextDouble() - 1);
            shower.clear();
            double mass = switch (type) {
                case QCD -> showerQcd(pt, eta, phi, g, shower);
                case W -> showerW(pt, eta, phi, g, shower);
                case TOP -> showerTop(pt, eta, phi, g, shower);
            };
            if (measured.length < 4 * shower.count()) {
                measured = new double[4 * shower.count()];
            }
            int kept = detector.measure(shower.leaves(), shower.count(), measured, g);
            if (kept == 0) {
                continue;
            }
            double[] px = new double[kept];
            double[] py = new double[kept];
            double[] pz = new double[kept];
            double[] e = new double[kept];
            for (int i = 0; i < kept; i++) {
                double cpt = measured[4 * i];
                px[i] = cpt * Math.cos(measured[4 * i + 2]);
                py[i] = cpt * Math.sin(measured[4 * i + 2]);
                pz[i] = cpt * Math.sinh(measured[4 * i + 1]);
                e[i] = measured[4 * i + 3];
            }
            List<PseudoJet> jets = ClusterSequence.cluster(px, py, pz, e, JetDefinition.antiKt(jetRadius)).inclusiveJets(0);
            int[] members = jets.get(0).constituents();
            Integer[] byPt = new Integer[members.length];
            for (int i = 0; i < members.length; i++) {
                byPt[i] = members[i];
            }
            double[] m = measured;
            Arrays.sort(byPt, (x, y) -> Double.compare(m[4 * y], m[4 * x]));
            double[] out = new double[4 * members.length];
            for (int i = 0; i < byPt.length; i++) {
                System.arraycopy(measured, 4 * byPt[i], out, 4 * i, 4);
            }
            return new Jet(type, out, members.length, new double[] {pt, eta, phi, mass});
        }
        throw new IllegalStateException("JetGenerator: no particle passed the detector in " + MAX_TRIES + " tries for a " + type
                + " jet; the detector thresholds (" + detector + ") are too tight for pt in [" + ptMin + ", " + ptMax + "] GeV");
    }

    /** The four-momentum (E, px, py, pz) of an object with the given pt, η, φ and mass. */
    private static double[] fourMomentum(double pt, double eta, double phi, double m) {
        double pz = pt * Math.sinh(eta);
        double e = Math.sqrt(pt * pt + pz * pz + m * m);
        return new double[] {e, pt * Math.cos(phi), pt * Math.sin(phi), pz};
    }

    private double showerQcd(double pt, double eta, double phi, Generator g, Shower shower) {
        double colour = g.nextDouble() < gluonFraction ? 3.0 : 4.0 / 3.0;
        double a = alphaS * colour / (2 * Math.PI);
        double u = 1 - g.nextDouble();
        double logInverseRho = Math.sqrt(-Math.log(u) / a);
        double m = pt * jetRadius * Math.exp(-0.5 * logInverseRho);
        double[] p = fourMomentum(pt, eta, phi, m);
        shower.shower(p, m * m, g);
        return m;
    }

    /** W → q q̄ from a W with four-momentum {@code w} and mass {@code mw}; both quarks showered. */
    private void decayW(double[] w, double mw, Generator g, Shower shower) {
        double tW = mw * mw;
        double t1 = tW * Shower.truncatedExponential(resonanceRate, g);
        double rest = mw - Math.sqrt(t1);
        double t2 = rest * rest * Shower.truncatedExponential(resonanceRate, g);
        double[] q1 = new double[4];
        double[] q2 = new double[4];
        Shower.decay(w, mw, Math.sqrt(t1), Math.sqrt(t2), q1, q2, g);
        shower.shower(q1, t1, g);
        shower.shower(q2, t2, g);
    }

    private double showerW(double pt, double eta, double phi, Generator g, Shower shower) {
        double mw = Shower.breitWigner(W_MASS, W_WIDTH, W_MASS - 15, W_MASS + 15, g);
        decayW(fourMomentum(pt, eta, phi, mw), mw, g, shower);
        return mw;
    }

    private double showerTop(double pt, double eta, double phi, Generator g, Shower shower) {
        double mt = Shower.breitWigner(TOP_MASS, TOP_WIDTH, TOP_MASS - 20, TOP_MASS + 20, g);
        double mw = Shower.breitWigner(W_MASS, W_WIDTH, W_MASS - 15, Math.min(W_MASS + 15, mt - B_MASS - 1), g);
        double gap = mt - mw;
        double mb = Math.max(B_MASS, gap * Math.sqrt(Shower.truncatedExponential(resonanceRate, g)));
        double[] top = fourMomentum(pt, eta, phi, mt);
        double[] b = new double[4];
        double[] w = new double[4];
        Shower.decay(top, mt, mb, mw, b, w, g);
        shower.shower(b, mb * mb, g);
        decayW(w, mw, g, shower);
        return mt;
    }

    /** Batches the jets and computes features (the fast value paths of the substructure package) and images. */
    private GeneratedJets assemble(Jet[] jets) {
        int n = jets.length;
        long[] counts = new long[n];
        int total = 0;
        for (int k = 0; k < n; k++) {
            counts[k] = jets[k].count();
            total += jets[k].count();
        }
        double[] flat = new double[4 * total];
        long[] labels = new long[n];
        double[] truth = new double[4 * n];
        int p = 0;
        for (int k = 0; k < n; k++) {
            System.arraycopy(jets[k].constituents(), 0, flat, p, 4 * jets[k].count());
            p += 4 * jets[k].count();
            labels[k] = jets[k].type().label();
            System.arraycopy(jets[k].truth(), 0, truth, 4 * k, 4);
        }
        Jagged constituents64 = Jagged.fromCounts(Tensor.of(flat, total, 4), counts);
        Tensor v = constituents64.values();
        JaggedFourVector vectors = JaggedFourVector.fromPtEtaPhiM(constituents64.withValues(v.select(1, 0)),
                constituents64.withValues(v.select(1, 1)), constituents64.withValues(v.select(1, 2)),
                constituents64.withValues(Tensor.zeros(DType.FLOAT64, total)));
        FourVector jet = vectors.sum();
        Tensor taus = new NSubjettiness(3, 1.0, jetRadius, true).computeValues(vectors);
        Tensor ecf1 = new EnergyCorrelation(1.0).ecfValues(vectors);
        Tensor ecf2 = new EnergyCorrelation(2.0).ecfValues(vectors);
        Tensor features = Tensor.stack(1, jet.pt(), jet.eta(), jet.mass(), vectors.counts().to(DType.FLOAT64), taus.select(1, 0),
                taus.select(1, 1), taus.select(1, 2), NSubjettiness.ratio(taus, 2), NSubjettiness.ratio(taus, 3),
                EnergyCorrelation.c2FromEcf(ecf1), EnergyCorrelation.c2FromEcf(ecf2), EnergyCorrelation.d2FromEcf(ecf1),
                EnergyCorrelation.d2FromEcf(ecf2));
        Tensor imageTensor = images.compute(vectors);
        return new GeneratedJets(Jagged.fromCounts(v.to(DType.FLOAT32), counts), features.to(DType.FLOAT32),
                Tensor.of(labels, n), imageTensor.to(DType.FLOAT32), Tensor.of(truth, n, 4).to(DType.FLOAT32));
    }
}
