package dev.hadron.examples;

import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The neural-network examples, shortened (fewer events and epochs than their {@code main}), still learn what
 * the lectures show: so an example that stops compiling or stops learning fails the build.
 */
class NnExamplesTest {
    @Test
    void straightLineAndLogisticRegression() {
        Generator gen = new Generator(2024);
        double[] ab = NnLectureFits.straightLine(gen);
        assertEquals(2.5, ab[0], 0.1);
        assertEquals(-1.0, ab[1], 0.1);
        assertTrue(NnLectureFits.logisticRegression(gen) > 0.9);
    }

    @Test
    void mlpSeparatesTheMoons() {
        assertTrue(MlpTwoMoons.run(5) > 0.9);
    }

    @Test
    void autoencoderBeatsPredictingTheMean() throws Exception {
        // from the examples module's directory the data folder is ../../shared/data
        Path file = Path.of("..").resolve(CmsAutoencoder.DATA);
        Assumptions.assumeTrue(Files.exists(file), "real CMS data not found at " + file.toAbsolutePath()
                + "; skipping the autoencoder example");
        // standardized inputs: always predicting the mean gives about 1.0
        assertTrue(CmsAutoencoder.run(file, 3) < 0.95);
    }

    @Test
    void jetImageCnnHas3505ParametersAndLearns() {
        assertEquals(3505, JetImageCnn.cnn(new Generator(1)).parameterCount());
        assertTrue(JetImageCnn.run(4000, 3) > 0.4, "five classes: chance is 0.2");
    }

    @Test
    void lstmLearnsPalindromes() {
        assertTrue(LstmPalindromes.run(3000, 4) > 0.65, "two classes: chance is 0.5");
    }
}
