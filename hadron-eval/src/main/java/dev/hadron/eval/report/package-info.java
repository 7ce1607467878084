/**
 * Study reports: the metrics of each method and a single self-contained HTML page (inline SVG, inline
 * CSS, no scripts, no external references) with the data summary, metrics tables, every plot, the
 * configuration text and the provenance.
 *
 * <p>The command-line tool builds a {@link dev.hadron.eval.report.Report} from each method's
 * {@link dev.hadron.eval.report.Predictions} on the test (and training) sample plus its
 * {@link dev.hadron.eval.report.TrainingHistory}, renders it once, writes the page and takes the
 * machine-readable numbers from {@link dev.hadron.eval.report.RenderedReport#results()}:
 *
 * <pre>{@code
 * MethodResult bdt = new MethodResult("BDT", new Predictions(testScores, testLabels, testWeights),
 *         new Predictions(trainScores, trainLabels, trainWeights), history, trainSeconds);
 * RenderedReport r = Report.classification("Higgs ML", List.of("Background", "Signal"))
 *         .withMethods(List.of(bdt))
 *         .withData(testSet)
 *         .withConfig(Files.readString(config))
 *         .withProvenance(Provenance.of(seed).withChecksum("higgs.csv", Provenance.sha256(csv)))
 *         .withOptions(EvaluationOptions.defaults().withFigureOfMerit(FigureOfMerit.AMS))
 *         .render();
 * r.write(outDir.resolve("report.html"));
 * Files.writeString(outDir.resolve("results.json"), Json.writePretty(r.results()));
 * }</pre>
 *
 * <p>{@link dev.hadron.eval.report.Evaluation} computes the same per-method metrics without a report.
 */
package dev.hadron.eval.report;
