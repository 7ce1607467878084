package dev.hadron.cli.study;

import dev.hadron.cli.CliException;
import dev.hadron.cli.Console;
import dev.hadron.cli.config.GeneratorSource;
import dev.hadron.data.Dataset;
import dev.hadron.hep.generator.GeneratedJets;
import dev.hadron.hep.generator.JetGenerator;
import dev.hadron.hep.generator.JetType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in data source: QCD (label 0) against W or top jets (label 1) from Hadron's toy jet
 * generator, seeded by the study seed, with three input sets — {@code features} (13 high-level
 * features: pt, η, mass, multiplicity, N-subjettiness, energy correlation ratios), {@code images}
 * (one-channel jet images) and {@code constituents} (pt, η, φ, E of every particle, jagged).
 */
public final class GeneratedData {
    private GeneratedData() {
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
        Tensor labels = jets.labels().ne(0).to(dev.hadron.tensor.DType.INT64);
        Map<String, InputSet> inputs = new LinkedHashMap<>();
        List<String> hl = GeneratedJets.FEATURE_NAMES;
        inputs.put("features", new InputSet("features", InputKind.DENSE, Dataset.of(jets.features(), labels).withFeatureNames(hl), hl, hl));
        Tensor images = jets.images().unsqueeze(1);
        List<String> pixels = new ArrayList<>();
        pixels.add("image");
        inputs.put("images", new InputSet("images", InputKind.IMAGE, Dataset.of(images, labels), pixels, pixels));
        List<String> cf = GeneratedJets.CONSTITUENT_FEATURES;
        inputs.put("constituents", new InputSet("constituents", InputKind.JAGGED, Dataset.ofJagged(jets.constituents(), labels, null),
                cf, cf));
        String source = "Hadron toy jet generator (Ginkgo-like shower), seed " + seed + ": " + g.events() + " QCD + " + g.events() + " "
                + name(g.signal()) + " jets";
        return new StudyData(true, List.of("QCD", name(g.signal())), "", labels, null, inputs, List.of(source), Map.of());
    }

    private static String name(JetType t) {
        return t == JetType.TOP ? "top" : "W";
    }
}
