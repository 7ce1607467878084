/**
 * Training: mini-batches, the training loop, callbacks and checkpoints.
 *
 * <p>{@link dev.hadron.train.DataLoader} cuts a {@link dev.hadron.data.Dataset} into seeded, shuffled
 * batches prepared on a background thread; {@link dev.hadron.train.Trainer} runs epochs with validation,
 * metrics and callbacks ({@link dev.hadron.train.EarlyStopping}, {@link dev.hadron.train.ModelCheckpoint},
 * {@link dev.hadron.train.MetricsLogger}, schedule steps and the {@link dev.hadron.train.ProgressBar});
 * {@link dev.hadron.train.Checkpoint} saves models as safetensors with PyTorch's names plus a JSON config,
 * and training checkpoints from which a run resumes bit-identically.
 *
 * <pre>{@code
 * Dataset.Split split = data.splitStratified(new Generator(1), 0.7, 0.15);
 * DataLoader train = new DataLoader(split.train(), 256, new Generator(2));
 * DataLoader valid = new DataLoader(split.validation(), 1024);
 * Sequential model = new Sequential(new Linear(28, 64, gen), new ReLU(), new Linear(64, 2, gen));
 * Trainer trainer = new Trainer(model, new Adam(model.parameters(), 1e-3), new CrossEntropyLoss())
 *         .withMetric("val_accuracy", Metrics.accuracy())
 *         .withCallbacks(new EarlyStopping("val_loss", 5, true), new ModelCheckpoint(Path.of("runs/higgs")));
 * History history = trainer.fit(train, valid, 50);
 * }</pre>
 */
package dev.hadron.train;
