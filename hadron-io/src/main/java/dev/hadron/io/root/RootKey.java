package dev.hadron.io.root;

/**
 * One key of a ROOT file: an object's path (directories separated by {@code /}), cycle, class and title.
 *
 * @param path      the object's path from the file's top, without cycle ({@code "dir/sub/hist"})
 * @param cycle     the cycle number (ROOT keeps older versions of an object under lower cycles)
 * @param className the stored class ({@code TTree}, {@code TH1F}, {@code TDirectory}, ...)
 * @param title     the object's title
 */
public record RootKey(String path, int cycle, String className, String title) {

    /** The uproot-style key name, {@code path;cycle}. */
    public String nameWithCycle() {
        return path + ";" + cycle;
    }

    /** True for subdirectories. */
    public boolean isDirectory() {
        return className.equals("TDirectory") || className.equals("TDirectoryFile");
    }
}
