package dev.hadron.hep.generator;

import dev.hadron.data.Dataset;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Jets from {@link JetGenerator}: per jet, its constituents, high-level features, an image, a label and the
 * truth of the object that initiated it. All tensors are float32 except the int64 labels; jet {@code i} is
 * row {@code i} of each.
 */
public final class GeneratedJets {
    /** The columns of {@link #constituents()}: pt (GeV), η, φ (in (−π, π]), E (GeV); massless. */
    public static final List<String> CONSTITUENT_FEATURES = List.of("pt", "eta", "phi", "e");
    /**
     * The columns of {@link #features()}: the jet pt (GeV), η and mass (GeV) from the constituents' sum, the
     * number of constituents, N-subjettiness τ₁, τ₂, τ₃ (exclusive-kT axes, β = 1, normalised with R0 = the
     * jet radius) and τ₂₁ = τ₂/τ₁, τ₃₂ = τ₃/τ₂, and C2, D2 with β = 1 and β = 2.
     */
    public static final List<String> FEATURE_NAMES = List.of("pt", "eta", "mass", "multiplicity", "tau1", "tau2", "tau3",
            "tau21", "tau32", "c2_b1", "c2_b2", "d2_b1", "d2_b2");
    /** The columns of {@link #truth()}: pt, η, φ and mass of the initiating parton, W or top. */
    public static final List<String> TRUTH_NAMES = List.of("pt", "eta", "phi", "mass");

    private final Jagged constituents;
    private final Tensor features;
    private final Tensor labels;
    private final Tensor images;
    private final Tensor truth;

    GeneratedJets(Jagged constituents, Tensor features, Tensor labels, Tensor images, Tensor truth) {
        this.constituents = constituents;
        this.features = features;
        this.labels = labels;
        this.images = images;
        this.truth = truth;
    }

    /** Number of jets. */
    public int size() {
        return constituents.numEvents();
    }

    /** Constituents of each jet, hardest first: values (total, 4) with the columns {@link #CONSTITUENT_FEATURES}. */
    public Jagged constituents() {
        return constituents;
    }

    /** The constituents as massless four-vectors (float32). */
    public JaggedFourVector constituentVectors() {
        Tensor v = constituents.values();
        return JaggedFourVector.fromPtEtaPhiM(constituents.withValues(v.select(1, 0)), constituents.withValues(v.select(1, 1)),
                constituents.withValues(v.select(1, 2)), constituents.withValues(Tensor.zerosLike(v.select(1, 0))));
    }

    /** High-level features (jets, {@link #FEATURE_NAMES}.size()). */
    public Tensor features() {
        return features;
    }

    /** The names of the columns of {@link #features()}. */
    public List<String> featureNames() {
        return FEATURE_NAMES;
    }

    /** One column of {@link #features()} by name, e.g. {@code "mass"} or {@code "tau21"}. */
    public Tensor feature(String name) {
        int k = FEATURE_NAMES.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("GeneratedJets.feature: no feature '" + name + "'; available: " + FEATURE_NAMES);
        }
        return features.select(1, k);
    }

    /** Class labels (int64): {@link JetType#label()}. */
    public Tensor labels() {
        return labels;
    }

    /** Jet images (jets, pixels, pixels); add a channel with {@code unsqueeze(1)} for a CNN. */
    public Tensor images() {
        return images;
    }

    /** The initiating object (jets, 4): {@link #TRUTH_NAMES}. */
    public Tensor truth() {
        return truth;
    }

    /** The high-level features and labels as a {@link Dataset} with feature names. */
    public Dataset toDataset() {
        return Dataset.of(features, labels).withFeatureNames(FEATURE_NAMES);
    }

    /** The constituents (jagged) and labels as a {@link Dataset} for Deep Sets, particle networks and transformers. */
    public Dataset toConstituentDataset() {
        return Dataset.ofJagged(constituents, labels, null);
    }

    /** The jets at the given indices, in that order. */
    public GeneratedJets subset(long[] indices) {
        int n = size();
        for (long i : indices) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("GeneratedJets.subset: index " + i + " is out of range for " + n + " jets");
            }
        }
        Tensor idx = Tensor.of(indices, indices.length);
        long[] off = constituents.offsetsArray();
        long[] counts = new long[indices.length];
        int total = 0;
        for (int k = 0; k < indices.length; k++) {
            counts[k] = off[(int) indices[k] + 1] - off[(int) indices[k]];
            total += (int) counts[k];
        }
        long[] rows = new long[total];
        int p = 0;
        for (long i : indices) {
            for (long r = off[(int) i]; r < off[(int) i + 1]; r++) {
                rows[p++] = r;
            }
        }
        Jagged c = Jagged.fromCounts(constituents.values().indexSelect(0, Tensor.of(rows, total)), counts);
        return new GeneratedJets(c, features.indexSelect(0, idx), labels.indexSelect(0, idx), images.indexSelect(0, idx),
                truth.indexSelect(0, idx));
    }

    @Override
    public String toString() {
        return "GeneratedJets(jets=" + size() + ", constituents=" + constituents.numValues() + ", images="
                + Shape.toString(images.shape()) + ")";
    }
}
