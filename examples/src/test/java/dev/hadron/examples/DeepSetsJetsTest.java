package dev.hadron.examples;

import dev.hadron.nn.graph.DeepSets;
import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepSetsJetsTest {

    @Test
    void aucCountsPairsAndHalvesTies() {
        assertEquals(1.0, DeepSetsJets.auc(new double[] {0.1, 0.9}, new double[] {0, 1}), 1e-12);
        assertEquals(0.0, DeepSetsJets.auc(new double[] {0.9, 0.1}, new double[] {0, 1}), 1e-12);
        assertEquals(0.5, DeepSetsJets.auc(new double[] {0.5, 0.5}, new double[] {0, 1}), 1e-12);
        assertEquals(0.75, DeepSetsJets.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1}), 1e-12);
    }

    @Test
    void synthesisIsSeededAndJagged() {
        DeepSetsJets.Jets a = DeepSetsJets.synthesize(50, new Generator(3));
        DeepSetsJets.Jets b = DeepSetsJets.synthesize(50, new Generator(3));
        assertTrue(a.constituents().values().equal(b.constituents().values()));
        assertTrue(a.constituents().counts().equal(b.constituents().counts()));
        double[] zSums = a.constituents().withValues(a.constituents().values().select(1, 0)).sum().toDoubleArray();
        for (double z : zSums) {
            assertEquals(1.0, z, 1e-5, "pT fractions of a jet sum to one");
        }
        assertTrue(a.constituents().maxCount() > 30 && a.constituents().maxCount() < 50);
    }

    @Test
    void shortTrainingSeparatesTheClasses() {
        Generator gen = new Generator(5);
        DeepSetsJets.Jets train = DeepSetsJets.synthesize(800, gen.split());
        DeepSetsJets.Jets test = DeepSetsJets.synthesize(400, gen.split());
        DeepSets pfn = DeepSetsJets.particleFlowNetwork(gen.split());
        double auc = DeepSetsJets.train(pfn.parameters(), j -> pfn.forward(DeepSetsJets.pfnInputs(j)), train, test,
                gen.split(), 4);
        assertTrue(auc > 0.85, "test AUC after 4 epochs: " + auc);
    }
}
