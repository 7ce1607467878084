package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.util.List;

/** Loads the file's TStreamerInfo list into an {@link ObjectReader}. */
public final class StreamerInfos {
    private StreamerInfos() {
    }

    public static ObjectReader load(RootSource src, long seekInfo) {
        ObjectReader r = new ObjectReader();
        if (seekInfo <= 0 || seekInfo >= src.size()) {
            throw new RootFormatException(src.name() + ": the header points the class layouts (streamer infos) at byte "
                    + seekInfo + ", outside the file of " + src.size() + " bytes");
        }
        RBuffer b = Keys.object(src, seekInfo, "streamer info list");
        Object list = r.readEmbedded(b, "TList", 0);
        if (!(list instanceof List<?> l)) {
            throw new RootFormatException(src.name() + ": the streamer info record is not a TList");
        }
        r.addStreamers(StreamerParser.infos(l));
        return r;
    }
}
