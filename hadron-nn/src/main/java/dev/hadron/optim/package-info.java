/**
 * Optimizers and learning-rate schedules in the manner of {@code torch.optim}.
 *
 * <p>{@link dev.hadron.optim.SGD} (momentum, Nesterov, weight decay), {@link dev.hadron.optim.Adagrad},
 * {@link dev.hadron.optim.RMSprop}, {@link dev.hadron.optim.Adam}, {@link dev.hadron.optim.AdamW}
 * (AMSGrad option) and {@link dev.hadron.optim.LBFGS} follow PyTorch's update rules and defaults, take
 * {@link dev.hadron.optim.ParamGroup parameter groups} with their own learning rates, and save their
 * state as named tensors. Schedules ({@link dev.hadron.optim.StepLR}, {@link dev.hadron.optim.MultiStepLR},
 * {@link dev.hadron.optim.ExponentialLR}, {@link dev.hadron.optim.CosineAnnealingLR},
 * {@link dev.hadron.optim.LinearLR} for warm-up, {@link dev.hadron.optim.OneCycleLR},
 * {@link dev.hadron.optim.SequentialLR}, {@link dev.hadron.optim.ReduceLROnPlateau}) set the groups'
 * learning rates.
 *
 * <pre>{@code
 * Adam opt = new Adam(model.parameters(), 1e-3, Adam.Options.defaults().withAmsgrad(true));
 * LRScheduler sched = new CosineAnnealingLR(opt, 50, 1e-5);
 * for (int epoch = 0; epoch < 50; epoch++) {
 *     ... opt.zeroGrad(); loss.backward(); opt.step(); ...
 *     sched.step();
 * }
 * }</pre>
 */
package dev.hadron.optim;
