package dev.hadron.io.root;

import dev.hadron.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a ROOT file in brief: its trees with entries and typed branches, and its other
 * objects (histograms, directories, ...). {@link #toJson()} is what {@code hadron inspect --json} prints.
 *
 * @param path    the file
 * @param trees   every TTree, with its branches
 * @param objects every other key
 */
public record FileSummary(String path, List<TreeSummary> trees, List<ObjectSummary> objects) {

    /** A tree: path in the file, title, entries and branches (depth first). */
    public record TreeSummary(String name, String title, long entries, List<BranchInfo> branches) {
    }

    /** A non-tree key: path, cycle, class and title. */
    public record ObjectSummary(String name, int cycle, String className, String title) {
    }

    /** JSON-ready maps and lists. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("format", "ROOT");
        List<Object> ts = new ArrayList<>();
        for (TreeSummary t : trees) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.name());
            tm.put("title", t.title());
            tm.put("entries", t.entries());
            List<Object> bs = new ArrayList<>();
            for (BranchInfo b : t.branches()) {
                bs.add(b.toMap());
            }
            tm.put("branches", bs);
            ts.add(tm);
        }
        m.put("trees", ts);
        List<Object> os = new ArrayList<>();
        for (ObjectSummary o : objects) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("name", o.name());
            om.put("cycle", o.cycle());
            om.put("class", o.className());
            om.put("title", o.title());
            os.add(om);
        }
        m.put("objects", os);
        return m;
    }

    /** Indented JSON of {@link #toMap()}. */
    public String toJson() {
        return Json.writePretty(toMap());
    }
}
