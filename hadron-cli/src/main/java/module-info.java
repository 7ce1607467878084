/**
 * Hadron CLI: the {@code hadron} command. {@code hadron train CONFIG.yaml} runs a whole classification
 * or regression study from one YAML file (data from any supported format or the built-in jet
 * generator, several methods, evaluation, an HTML report, {@code results.json} and saved models);
 * {@code hadron predict} scores new files with a saved model; {@code hadron inspect} shows what a file
 * holds; {@code hadron datasets} lists and fetches public benchmark datasets.
 */
module dev.hadron.cli {
    requires transitive dev.hadron.core;
    requires dev.hadron.io;
    requires dev.hadron.ml;
    requires dev.hadron.nn;
    requires dev.hadron.eval;
    requires dev.hadron.hep;
    requires org.snakeyaml.engine.v2;

    exports dev.hadron.cli;
}
