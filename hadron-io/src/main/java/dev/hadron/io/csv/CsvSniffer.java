package dev.hadron.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the delimiter of a text file from its first 64 KiB: among comma, tab, semicolon and pipe
 * (outside quotes, skipping comment and blank lines), the one found the same number of times on every
 * line, preferring the most frequent; with none consistent, the first one present; with none at all,
 * runs of whitespace.
 */
final class CsvSniffer {
    private CsvSniffer() {
    }

    static char detectDelimiter(Path path, CsvOptions o) {
        char[] sample = new char[64 * 1024];
        int n;
        boolean complete;
        try (Reader r = CsvReader.open(path)) {
            n = 0;
            int k;
            while (n < sample.length && (k = r.read(sample, n, sample.length - n)) > 0) {
                n += k;
            }
            complete = r.read() < 0;
        } catch (IOException e) {
            throw new UncheckedIOException("CSV: cannot read " + path + ": " + e.getMessage(), e);
        }
        char[] candidates = {',', '\t', ';', '|'};
        List<int[]> counts = new ArrayList<>();
        int[] cur = new int[candidates.length];
        boolean inQuote = false;
        boolean lineHasText = false;
        boolean lineIsComment = false;
        boolean atLineStart = true;
        for (int i = 0; i < n && counts.size() < 100; i++) {
            char c = sample[i];
            if (atLineStart && o.comment() != null && c == o.comment()) {
                lineIsComment = true;
            }
            atLineStart = false;
            if (c == o.quote()) {
                inQuote = !inQuote;
            } else if (!inQuote && (c == '\n' || c == '\r')) {
                if (lineHasText && !lineIsComment) {
                    counts.add(cur);
                }
                cur = new int[candidates.length];
                lineHasText = false;
                lineIsComment = false;
                atLineStart = true;
            } else if (!inQuote) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        cur[k]++;
                    }
                }
                if (!Character.isWhitespace(c)) {
                    lineHasText = true;
                }
            }
        }
        if (complete && lineHasText && !lineIsComment) {
            counts.add(cur);
        }
        if (counts.isEmpty()) {
            return ',';
        }
        int best = -1;
        for (int k = 0; k < candidates.length; k++) {
            int c0 = counts.get(0)[k];
            if (c0 == 0) {
                continue;
            }
            boolean consistent = true;
            for (int[] line : counts) {
                consistent &= line[k] == c0;
            }
            if (consistent && (best < 0 || c0 > counts.get(0)[best])) {
                best = k;
            }
        }
        if (best >= 0) {
            return candidates[best];
        }
        for (int k = 0; k < candidates.length; k++) {
            if (counts.get(0)[k] > 0) {
                return candidates[k];
            }
        }
        return CsvOptions.WHITESPACE;
    }
}
