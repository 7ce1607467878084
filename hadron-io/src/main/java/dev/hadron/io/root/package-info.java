/**
 * A pure-Java reader of ROOT files — the uproot of Java.
 *
 * <p>{@link dev.hadron.io.root.RootFile} opens a file and lists its keys (with classes and cycles,
 * through nested directories); {@link dev.hadron.io.root.RootTree} reads TTree branches into
 * {@link dev.hadron.tensor.Tensor}s (fixed-size numbers and arrays), {@link dev.hadron.tensor.Jagged}
 * (counter-leaf arrays and {@code std::vector}), strings, {@link dev.hadron.io.root.NestedJagged}
 * ({@code std::vector<std::vector<T>>}) and leaf lists; {@link dev.hadron.io.root.Histogram} gives TH1,
 * TH2 and TH3 contents, errors and edges.
 *
 * <pre>{@code
 * try (RootFile f = RootFile.open(Path.of("HZZ.root"))) {
 *     RootTree events = f.tree("events");
 *     Tensor met = events.array("MET_px");               // (2421,) float32
 *     Jagged muonPx = events.jagged("Muon_Px");          // 2421 events, 3825 muons
 *     for (TreeChunk c : events.iterate(1000, "Muon_Px", "Muon_Py")) {
 *         Jagged px = c.jagged("Muon_Px");               // at most 1000 events at a time
 *     }
 *     System.out.println(f.summary().toJson());          // trees, branches and their types
 * }
 * }</pre>
 *
 * <h2>What is read</h2>
 * <ul>
 *   <li>ROOT 5 and ROOT 6 files, small and large (64-bit) file pointers; keys, cycles, subdirectories;
 *       the class layouts (TStreamerInfo) the file carries drive the reading of TTree, TBranch, TLeaf
 *       and histogram objects, so any version of those classes is understood.</li>
 *   <li>Baskets compressed with zlib, LZMA, LZ4 (its XXH64 checksum is verified) or ZSTD, or stored
 *       uncompressed; baskets kept inside the TBranch record (trees not closed cleanly) too.</li>
 *   <li>Every fixed-width number: bool, signed and unsigned 8-, 16-, 32- and 64-bit integers, float,
 *       double, {@code Float16_t} and {@code Double32_t} (with or without range); fixed-size arrays
 *       ({@code x[3][4]/F}); variable arrays with a counter leaf ({@code x[n]/F}); {@code std::vector}
 *       of numbers; {@code std::vector<std::vector<T>>}; {@code std::vector<std::string>}; TString,
 *       {@code std::string} and {@code char*}; leaf lists; the numeric, string and vector members of
 *       split objects ({@code TBranchElement}), including members of split collections.</li>
 *   <li>Only requested branches are read; baskets are decompressed in parallel on a bounded shared
 *       pool and results do not depend on thread timing. Entry ranges read only the overlapping
 *       baskets; {@link dev.hadron.io.root.RootTree#iterate} holds one chunk and at most one basket per
 *       branch.</li>
 * </ul>
 * Not read (a {@link dev.hadron.io.root.RootFormatException} says so, naming the branch): objects of
 * arbitrary classes stored unsplit, memberwise-streamed collections of objects, RNTuple.
 *
 * <h2>Damaged files</h2>
 * Every size, count and offset is checked against the bytes that exist before anything is
 * allocated. A truncated file, a corrupted basket or a wrong magic number ends in a
 * {@link dev.hadron.io.root.RootFormatException} whose message names the file, the object or branch
 * and basket, and the byte position — never an out-of-memory error, an endless loop or silently wrong
 * data from a compressed basket.
 *
 * <h2>uproot to Hadron</h2>
 * <table>
 *   <caption>Correspondence of the main calls</caption>
 *   <tr><th>uproot</th><th>Hadron</th></tr>
 *   <tr><td>{@code f = uproot.open("file.root")}</td><td>{@code RootFile f = RootFile.open(Path.of("file.root"))}</td></tr>
 *   <tr><td>{@code f.keys()}, {@code f.classnames()}</td><td>{@code f.keys()}, {@code f.classNames()}</td></tr>
 *   <tr><td>{@code t = f["events"]}</td><td>{@code RootTree t = f.tree("events")}</td></tr>
 *   <tr><td>{@code t.num_entries}, {@code t.keys()}</td><td>{@code t.numEntries()}, {@code t.branchNames()}</td></tr>
 *   <tr><td>{@code t["x"].typename}, {@code t.show()}</td><td>{@code t.branch("x").typeName()}, {@code t.branches()}</td></tr>
 *   <tr><td>{@code t["x"].array(library="np")}</td><td>{@code t.array("x")}</td></tr>
 *   <tr><td>{@code t["mu_pt"].array()} (jagged)</td><td>{@code t.jagged("mu_pt")}</td></tr>
 *   <tr><td>{@code t.arrays(["a", "b"], entry_start=0, entry_stop=100)}</td><td>{@code t.arrays(0, 100, List.of("a", "b"))}</td></tr>
 *   <tr><td>{@code t.iterate(["a", "b"], step_size=1000)}</td><td>{@code t.iterate(1000, "a", "b")}</td></tr>
 *   <tr><td>{@code h = f["h"]; h.values(); h.errors(); h.axis().edges()}</td><td>{@code Histogram h = f.histogram("h"); h.values(); h.errors(); h.edges(0)}</td></tr>
 * </table>
 */
package dev.hadron.io.root;
