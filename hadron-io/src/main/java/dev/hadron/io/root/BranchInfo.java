package dev.hadron.io.root;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a branch holds, as {@code hadron inspect} and uproot's {@code show()} print it.
 *
 * @param name              the branch name
 * @param path              the path from the tree's top ({@code "evt/P3/P3.Px"} for a split member)
 * @param typeName          the type, uproot-like: {@code "float"}, {@code "int32"}, {@code "3 * double"},
 *                          {@code "var * float"} (counter-leaf array), {@code "std::vector<float>"},
 *                          {@code "string"}, {@code "{x: double, y: int32}"} (leaf list), or a class name
 *                          for split objects
 * @param readable          true when {@link RootTree} can read it into arrays
 * @param numEntries        entries stored in the branch
 * @param numBaskets        baskets the entries are stored in
 * @param compressedBytes   bytes on disk (ROOT's fZipBytes)
 * @param uncompressedBytes bytes after decompression (ROOT's fTotBytes)
 * @param className         {@code TBranch} or {@code TBranchElement}
 * @param leaves            the leaf names
 * @param title             the branch title ({@code "Muon_Px[NMuon]/F"})
 */
public record BranchInfo(String name, String path, String typeName, boolean readable, long numEntries, int numBaskets,
                         long compressedBytes, long uncompressedBytes, String className, List<String> leaves,
                         String title) {

    /** The branch as a JSON-ready map (name, type, entries, baskets, bytes). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("path", path);
        m.put("type", typeName);
        m.put("readable", readable);
        m.put("entries", numEntries);
        m.put("baskets", numBaskets);
        m.put("compressed_bytes", compressedBytes);
        m.put("uncompressed_bytes", uncompressedBytes);
        return m;
    }
}
