/**
 * Jet images: constituents pixelised on an (η, φ) grid around the jet with the usual preprocessing
 * (centring, rotation, flipping, normalisation); see {@link dev.hadron.hep.image.JetImages}.
 *
 * <pre>{@code
 * Tensor images = JetImages.defaults().compute(constituents);        // (jets, 20, 20), pixels sum to 1
 * Tensor cnnInput = images.unsqueeze(1);                              // (jets, 1, 20, 20) for Conv2d
 * }</pre>
 */
package dev.hadron.hep.image;
