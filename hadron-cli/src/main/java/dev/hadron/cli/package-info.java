/**
 * The {@code hadron} command: a whole HEP study — data, methods, evaluation, HTML report,
 * {@code results.json}, saved models — from one YAML config, plus scoring, file inspection and the
 * dataset catalog. {@link dev.hadron.cli.Main} is the entry point; {@link dev.hadron.cli.Main#run} runs
 * a command in-process (for tests, notebooks or other JVM tools) and returns its {@link dev.hadron.cli.ExitCode}.
 *
 * <pre>{@code
 * ./hadron train examples/jets.yaml                 # runs/jets/{report.html, results.json, models/, figures/}
 * ./hadron predict runs/jets/models/BDT in.root out.parquet --tree events
 * ./hadron inspect ../shared/data/root/uproot-HZZ.root --json
 * ./hadron datasets list
 *
 * // the same from Java
 * int status = Main.run(new String[] {"--quiet", "train", "study.yaml", "--output", "out"}, System.out, System.err);
 * }</pre>
 *
 * <p>The config format is described by {@code hadron train --help} and the annotated files in
 * {@code examples/}; the packages below this one (config reading, data assembly, methods, network specs,
 * streaming prediction) are internal to the module.
 */
package dev.hadron.cli;
