package dev.hadron.cli.study;

import dev.hadron.cli.CliException;
import dev.hadron.cli.Console;
import dev.hadron.cli.config.GeneratorSource;
import dev.hadron.data.Dataset;
import dev.hadron.hep.generator.GeneratedJets;
import dev.hadron.hep.generator.JetGenerator;
import dev.hadron.hep.generator.JetType;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in data source: QCD (label 0) against W or top jets (label 1) from Hadron's toy jet
 * generator, seeded by the study seed, with three input sets — {@code features} (13 high-level
 * features: pt, η, mass, multiplicity, N-subjettiness, energy correlation ratios), {@code images}
 * (one-channel jet images) and {@code constituents} (every particle, jagged, described relative to its
 * jet as in ParticleNet: {@link #CONSTITUENT_FEATURES}).
 */
public final class GeneratedData {
    /**
     * The per-particle inputs: log pt and log E, both also relative to the jet (log(pt/pt_jet),
     * log(E/E_jet)), Δη and Δφ to the jet axis (the E-scheme sum of the constituents) and ΔR. Absolute
     * η and φ carry no information about the jet's origin and would hide the shape that tells a W or a top
     * from a QCD jet.
     */
    public static final List<String> CONSTITUENT_FEATURES = List.of("log_pt", "log_e", "log_pt_rel", "log_e_rel", "deta", "dphi", "dr");

    private GeneratedData() {
    }

    /** {@link #CONSTITUENT_FEATURES} from constituents with the columns pt, η, φ, E (massless or not). */
    static Jagged relativeConstituents(Jagged c) {
        double[] v = c.values().to(DType.FLOAT64).toDoubleArray();
        long[] off = c.offsetsArray();
        int nf = CONSTITUENT_FEATURES.size();
        double[] out = new double[(v.length / 4) * nf];
        for (int j = 0; j + 1 < off.length; j++) {
            double px = 0, py = 0, pz = 0, e = 0;
            for (long k = off[j]; k < off[j + 1]; k++) {
                int i = (int) k * 4;
                px += v[i] * Math.cos(v[i + 2]);
                py += v[i] * Math.sin(v[i + 2]);
                pz += v[i] * Math.sinh(v[i + 1]);
                e += v[i + 3];
            }
            double pt = Math.hypot(px, py);
            double r = pt > 0 ? pz / pt : 0;
            double eta = Math.log(r + Math.sqrt(r * r + 1));   // asinh
            double phi = Math.atan2(py, px);
            for (long k = off[j]; k < off[j + 1]; k++) {
                int i = (int) k * 4;
                int o = (int) k * nf;
                double deta = v[i + 1] - eta;
                double dphi = Math.IEEEremainder(v[i + 2] - phi, 2 * Math.PI);
                out[o] = Math.log(v[i]);
                out[o + 1] = Math.log(v[i + 3]);
                out[o + 2] = Math.log(v[i] / pt);
                out[o + 3] = Math.log(v[i + 3] / e);
                out[o + 4] = deta;
                out[o + 5] = dphi;
                out[o + 6] = Math.hypot(deta, dphi);
            }
        }
        return Jagged.of(Tensor.of(out, out.length / nf, nf).to(DType.FLOAT32), off);
    }

    /** Generates {@code g.events()} jets per class. */
    public static StudyData generate(GeneratorSource g, long seed, boolean classification, Console console) {
        if (!classification) {
            throw CliException.config("data.generator: the jet generator makes a classification (QCD vs " + name(g.signal())
                    + "); use task: classification");
        }
        long t0 = System.nanoTime();
        console.info("data: generating " + g.events() + " QCD and " + g.events() + " " + name(g.signal()) + " jets (pt "
                + g.ptMin() + "-" + g.ptMax() + " GeV) ...");
        JetGenerator gen = JetGenerator.defaults().withPtRange(g.ptMin(), g.ptMax());
        GeneratedJets jets = gen.generateMixture(g.events(), new Generator(seed ^ 0x6a657473L), JetType.QCD, g.signal());
        console.info(String.format("data: %d jets in %.1f s", jets.size(), (System.nanoTime() - t0) / 1e9));
        Tensor labels = jets.labels().ne(0).to(DType.INT64);
        Map<String, InputSet> inputs = new LinkedHashMap<>();
        List<String> hl = GeneratedJets.FEATURE_NAMES;
        inputs.put("features", new InputSet("features", InputKind.DENSE, Dataset.of(jets.features(), labels).withFeatureNames(hl), hl, hl));
        Tensor images = jets.images().unsqueeze(1);
        List<String> pixels = new ArrayList<>();
        pixels.add("image");
        inputs.put("images", new InputSet("images", InputKind.IMAGE, Dataset.of(images, labels), pixels, pixels));
        List<String> cf = CONSTITUENT_FEATURES;
        inputs.put("constituents", new InputSet("constituents", InputKind.JAGGED,
                Dataset.ofJagged(relativeConstituents(jets.constituents()), labels, null), cf, cf));
        String source = "Hadron toy jet generator (Ginkgo-like shower), seed " + seed + ": " + g.events() + " QCD + " + g.events() + " "
                + name(g.signal()) + " jets";
        return new StudyData(true, List.of("QCD", name(g.signal())), "", labels, null, inputs, List.of(source), Map.of());
    }

    private static String name(JetType t) {
        return t == JetType.TOP ? "top" : "W";
    }
}
