package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * What a recurrent layer returns, as PyTorch's {@code (output, h_n)} / {@code (output, (h_n, c_n))}.
 *
 * @param output the top layer's outputs at every step: (batch, time, directions * hidden) batch-first;
 *               zero past each sequence's length
 * @param hN the last hidden state of every layer and direction: (layers * directions, batch, hidden),
 *           taken at each sequence's own last step
 * @param cN the last cell state (LSTM), same shape as {@code hN}; null for RNN and GRU
 */
public record RecurrentOutput(Tensor output, Tensor hN, Tensor cN) {
}
