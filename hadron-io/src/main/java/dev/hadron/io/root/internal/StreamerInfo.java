package dev.hadron.io.root.internal;

import java.util.List;

/** A class layout from the file's TStreamerInfo record: class name, version, checksum and members in order. */
public record StreamerInfo(String className, int classVersion, long checksum, List<StreamerElement> elements) {
}
