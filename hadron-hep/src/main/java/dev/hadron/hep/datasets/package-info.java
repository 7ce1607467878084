/**
 * The catalog of public HEP benchmark datasets (hls4ml jets, the top-tagging reference dataset, EnergyFlow's
 * quark/gluon jets, UCI HIGGS, the ATLAS Higgs ML challenge 2014), downloaded on request into a verified
 * cache ({@code ~/.cache/hadron}, or {@code $HADRON_DATA}), with a mirror folder and an offline mode for
 * machines without network. See {@link dev.hadron.hep.datasets.Datasets} for where files go and how each
 * one is verified; nothing here reads the files—the {@code hadron-io} readers do.
 *
 * <pre>{@code
 * Datasets datasets = Datasets.defaults();
 * System.out.print(DatasetInfo.table(datasets.list()));
 * Path csv = datasets.fetchFile("atlas-higgs-2014", "atlas-higgs-challenge-2014-v2.csv.gz");
 * }</pre>
 */
package dev.hadron.hep.datasets;
